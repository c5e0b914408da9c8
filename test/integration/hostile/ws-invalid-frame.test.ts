import { describe, expect, it } from 'vitest';
import {
  echoLoad,
  onlyClass,
  rawServer,
  runStreams,
  STREAM_TIME_BOUND_MS,
  upgrade,
} from './fixtures/hostile-ws.ts';

describe('a WebSocket server that sends an invalid frame (reserved opcode 3)', () => {
  it('counts ws_protocol_error, on time', async () => {
    const host = await rawServer((socket, head) => {
      upgrade(socket, head);
      setTimeout(() => socket.write(Buffer.from([0x83, 0x02, 0x68, 0x69])), 50);
    });
    const { summary, elapsedMs } = await runStreams(`ws://${host}/`, echoLoad());
    expect(onlyClass(summary.errorsByClass)).toBe('ws_protocol_error');
    expect(elapsedMs).toBeLessThan(STREAM_TIME_BOUND_MS);
  });
});
