import { describe, expect, it } from 'vitest';
import { echoLoad, onlyClass, rawServer, runStreams, STREAM_TIME_BOUND_MS } from './fixtures/hostile-ws.ts';

describe('a ws:// server that reads the handshake and never answers', () => {
  it('counts ws_handshake_timeout, on time', async () => {
    const host = await rawServer(() => {});
    const { summary, elapsedMs } = await runStreams(`ws://${host}/`, echoLoad());
    expect(onlyClass(summary.errorsByClass)).toBe('ws_handshake_timeout');
    expect(elapsedMs).toBeLessThan(STREAM_TIME_BOUND_MS);
  });
});
