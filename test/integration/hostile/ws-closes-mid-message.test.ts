import { describe, expect, it } from 'vitest';
import {
  echoLoad,
  onlyClass,
  rawServer,
  runStreams,
  STREAM_TIME_BOUND_MS,
  upgrade,
} from './fixtures/hostile-ws.ts';

describe('a WebSocket server that drops the connection in the middle of a message', () => {
  it('fails the awaited replies as ws_abnormal_close, on time', async () => {
    const host = await rawServer((socket, head) => {
      upgrade(socket, head);
      // a text frame announcing 100 bytes, 10 of them sent, then the connection is gone
      socket.write(Buffer.concat([Buffer.from([0x81, 100]), Buffer.alloc(10, 0x61)]));
      setTimeout(() => socket.destroy(), 120);
    });
    const { summary, elapsedMs } = await runStreams(`ws://${host}/`, echoLoad());
    expect(onlyClass(summary.errorsByClass)).toBe('ws_abnormal_close');
    expect(elapsedMs).toBeLessThan(STREAM_TIME_BOUND_MS);
  });
});
