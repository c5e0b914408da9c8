import { describe, expect, it } from 'vitest';
import { CLIENTS, hostile, runAgainst, SHORT_TIMEOUT, TIME_BOUND_MS } from './fixtures/run-hostile.ts';

describe.each(CLIENTS)('a chunked response that never ends (%s client)', (client) => {
  it('times out, chunks arriving or not, and keeps no body', async () => {
    const server = await hostile((socket, self) => {
      socket.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n');
      self.every(socket, 20, () => socket.write('400\r\n' + 'b'.repeat(1024) + '\r\n'));
    });
    const { summary, elapsedMs } = await runAgainst(server.url, client, { timeout: SHORT_TIMEOUT });
    expect(summary.errorsByClass).toEqual({ timeout: 6 });
    expect(elapsedMs).toBeLessThan(TIME_BOUND_MS);
  });
});
