import { describe, expect, it } from 'vitest';
import { onlyClass, rawServer, runStreams, STREAM_TIME_BOUND_MS } from './fixtures/hostile-ws.ts';

const head = 'HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\r\n';

describe('an event stream that never sends a newline', () => {
  it('counts sse_unterminated when the stream is cut off at the end of the hold, on time', async () => {
    const host = await rawServer((socket) => {
      socket.write(`${head}data: `);
      const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write('x')), 10);
    });
    const { summary, elapsedMs, outcome } = await runStreams(`http://${host}/`, { sse: { holdMs: 0 } });
    expect(onlyClass(summary.errorsByClass)).toBe('sse_unterminated');
    expect(outcome.counters['sse_events'] ?? 0).toBe(0);
    expect(elapsedMs).toBeLessThan(STREAM_TIME_BOUND_MS);
  });

  it('refuses a line over the cap as soon as it passes it', async () => {
    const host = await rawServer((socket) => socket.write(`${head}data: ${'x'.repeat(64 * 1024)}`));
    const { summary, elapsedMs } = await runStreams(`http://${host}/`, {
      sse: { holdMs: 0, maxLineBytes: 1000 },
    });
    expect(onlyClass(summary.errorsByClass)).toBe('sse_unterminated');
    expect(summary.errors).toBeGreaterThan(2);
    expect(elapsedMs).toBeLessThan(STREAM_TIME_BOUND_MS);
  });
});
