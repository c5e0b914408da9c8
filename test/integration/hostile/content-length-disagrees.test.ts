import { describe, expect, it } from 'vitest';
import { CLIENTS, hostile, runAgainst, SHORT_TIMEOUT } from './fixtures/run-hostile.ts';

describe.each(CLIENTS)('Content-Length disagreeing with the body (%s client)', (client) => {
  it('counts a body shorter than announced, then a close, as a reset', async () => {
    const server = await hostile((socket) =>
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort'),
    );
    const { summary } = await runAgainst(server.url, client);
    expect(summary.errorsByClass).toEqual({ reset: 6 });
  });

  it('counts a body shorter than announced on an open socket as a timeout', async () => {
    const server = await hostile((socket) =>
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort'),
    );
    const { summary } = await runAgainst(server.url, client, { timeout: SHORT_TIMEOUT });
    expect(summary.errorsByClass).toEqual({ timeout: 6 });
  });

  it('takes the announced length of a longer body and drops the connection, not the response', async () => {
    const server = await hostile((socket) =>
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA BYTES'),
    );
    const { summary } = await runAgainst(server.url, client);
    expect(summary.requests).toBe(6);
    expect(summary.errors).toBe(0);
  });
});
