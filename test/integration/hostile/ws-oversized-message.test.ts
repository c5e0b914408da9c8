import { describe, expect, it } from 'vitest';
import {
  echoLoad,
  onlyClass,
  rawServer,
  runStreams,
  STREAM_TIME_BOUND_MS,
  upgrade,
} from './fixtures/hostile-ws.ts';

describe('a WebSocket server that announces a message over the cap (1 GiB)', () => {
  it('counts ws_message_too_big without buffering it, on time', async () => {
    const host = await rawServer((socket, head) => {
      upgrade(socket, head);
      // binary frame, 64-bit length 2^30: refused from its header, before any payload
      const header = Buffer.from([0x82, 127, 0, 0, 0, 0, 0x40, 0, 0, 0]);
      setTimeout(() => socket.write(Buffer.concat([header, Buffer.alloc(64 * 1024)])), 50);
    });
    const rssBefore = process.memoryUsage().rss;
    const { summary, elapsedMs } = await runStreams(
      `ws://${host}/`,
      echoLoad({ maxMessageBytes: 1024 * 1024 }),
    );
    expect(onlyClass(summary.errorsByClass)).toBe('ws_message_too_big');
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(128 * 1024 * 1024);
    expect(elapsedMs).toBeLessThan(STREAM_TIME_BOUND_MS);
  });
});
