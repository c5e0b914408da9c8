/**
 * Only the keep-alive race (a reused socket closed before any response byte) is retried, and only for an
 * idempotent method. A request that timed out, or got a malformed answer, on a reused socket is
 * reported, not sent again, and so is a POST in the race: the server may have acted on it.
 */
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RawHttpClient } from '../../../load/http/raw-client.ts';
import { startNetServer } from '../../fixtures/engine/net-server.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** Answers the first request on each socket; what it does with the second is `second`. */
async function server(second: (socket: Socket) => void): Promise<{ origin: string; requests: () => number }> {
  let requests = 0;
  const started = await startNetServer((socket) => {
    let seen = 0;
    socket.on('data', () => {
      requests += 1;
      seen += 1;
      if (seen === 1) socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
      else second(socket);
    });
  });
  closers.push(started.close);
  return { origin: started.origin, requests: () => requests };
}

async function secondRequest(origin: string, timeoutMs: number, method = 'POST') {
  const client = new RawHttpClient({ origin, connections: 1, timeoutMs });
  closers.push(() => client.close());
  const request = client.prepare(
    method === 'POST' ? { method, path: '/orders', body: '{}' } : { method, path: '/orders' },
    false,
  );
  const first = await client.send(request);
  expect(first.status).toBe(200);
  return client.send(request);
}

describe('raw client retry', () => {
  it('reports a timeout on a reused socket once, without sending the request again', async () => {
    const target = await server(() => {}); // never answers a socket's second request
    const client = new RawHttpClient({ origin: target.origin, connections: 2, timeoutMs: 300 });
    closers.push(() => client.close());
    const request = client.prepare({ method: 'POST', path: '/orders', body: '{}' }, false);
    // two sockets, each answered once: a retry would find the other one idle and live
    const opened = await Promise.all([client.send(request), client.send(request)]);
    expect(opened.map((result) => result.status)).toEqual([200, 200]);
    const result = await client.send(request);
    expect(result.errorClass).toBe('timeout');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(target.requests()).toBe(3);
  });

  it('reports a malformed answer on a reused socket without sending the request again', async () => {
    const target = await server((socket) => socket.write('SMTP ready\r\n\r\n'));
    const result = await secondRequest(target.origin, 2000);
    expect(result.status).toBe(0);
    expect(result.errorClass).toBe('parse');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(target.requests()).toBe(2);
  });

  it('retries the keep-alive race for a GET: a reused socket closed before any byte', async () => {
    const target = await server((socket) => socket.destroy());
    const result = await secondRequest(target.origin, 2000, 'GET');
    expect(result.status).toBe(200);
    expect(target.requests()).toBe(3);
  });

  it('never sends a POST twice: the same race is a reset, the server may have applied it', async () => {
    const target = await server((socket) => socket.destroy());
    const result = await secondRequest(target.origin, 2000);
    expect(result.status).toBe(0);
    expect(result.errorClass).toBe('reset');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(target.requests()).toBe(2);
  });
});
