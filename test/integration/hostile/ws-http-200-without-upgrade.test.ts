import { describe, expect, it } from 'vitest';
import { echoLoad, onlyClass, rawServer, runStreams, STREAM_TIME_BOUND_MS } from './fixtures/hostile-ws.ts';

describe('a ws:// URL that answers HTTP 200 without upgrading', () => {
  it('counts each session as ws_no_upgrade, on time', async () => {
    const host = await rawServer((socket) => socket.end('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok'));
    const { summary, elapsedMs } = await runStreams(`ws://${host}/`, echoLoad());
    expect(onlyClass(summary.errorsByClass)).toBe('ws_no_upgrade');
    expect(summary.requests).toBe(0);
    expect(elapsedMs).toBeLessThan(STREAM_TIME_BOUND_MS);
  });
});
