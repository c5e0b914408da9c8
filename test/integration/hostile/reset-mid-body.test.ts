import { describe, expect, it } from 'vitest';
import { CLIENTS, hostile, runAgainst, TIME_BOUND_MS } from './fixtures/run-hostile.ts';

describe.each(CLIENTS)('a reset in the middle of the body (%s client)', (client) => {
  it('counts a reset per request', async () => {
    const server = await hostile((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nhalf of it', () =>
        socket.resetAndDestroy(),
      );
    });
    const { summary, elapsedMs } = await runAgainst(server.url, client);
    expect(summary.errorsByClass).toEqual({ reset: 6 });
    expect(elapsedMs).toBeLessThan(TIME_BOUND_MS);
  });
});
