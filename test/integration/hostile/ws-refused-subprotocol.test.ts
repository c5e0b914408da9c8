import { describe, expect, it } from 'vitest';
import {
  echoLoad,
  onlyClass,
  rawServer,
  runStreams,
  STREAM_TIME_BOUND_MS,
  upgrade,
} from './fixtures/hostile-ws.ts';

describe('a server that refuses the subprotocol asked for (upgrades without one)', () => {
  it('counts each session as ws_subprotocol, on time', async () => {
    const host = await rawServer((socket, head) => upgrade(socket, head));
    const { summary, elapsedMs } = await runStreams(`ws://${host}/`, echoLoad({ subprotocols: ['chat.v2'] }));
    expect(onlyClass(summary.errorsByClass)).toBe('ws_subprotocol');
    expect(elapsedMs).toBeLessThan(STREAM_TIME_BOUND_MS);
  });
});
