import { describe, expect, it } from 'vitest';
import { CLIENTS, hostile, runAgainst } from './fixtures/run-hostile.ts';

describe.each(CLIENTS)('a server that closes the connection after every response (%s client)', (client) => {
  it('answers every request on a fresh connection, without errors', async () => {
    const server = await hostile((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'));
    const { summary } = await runAgainst(server.url, client);
    expect(summary.requests).toBe(6);
    expect(summary.errors).toBe(0);
  });
});
