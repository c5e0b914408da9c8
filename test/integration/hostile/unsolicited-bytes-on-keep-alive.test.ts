import { describe, expect, it } from 'vitest';
import { CLIENTS, hostile, runAgainst } from './fixtures/run-hostile.ts';

const OK = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok';

describe.each(CLIENTS)('a response to a request that was never sent (%s client)', (client) => {
  it('keeps the real response and never reuses the socket the extra bytes came on', async () => {
    const server = await hostile((socket) => {
      socket.write(OK);
      setTimeout(() => {
        if (!socket.destroyed) socket.write('HTTP/1.1 500 Unasked\r\nContent-Length: 0\r\n\r\n');
      }, 5);
    });
    const { summary } = await runAgainst(server.url, client);
    expect(summary.requests).toBe(6);
    expect(summary.errors).toBe(0);
  });
});
