import { afterEach, describe, expect, it } from 'vitest';
import { RawHttpClient } from '../../../load/http/raw-client.ts';
import { startNetServer } from '../../fixtures/engine/net-server.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const RESPONSE = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Served-By: s1\r\n\r\nok';

/** A server that drops the first connection's first request unanswered (a stale keep-alive socket). */
async function server(): Promise<{ origin: string; connections: () => number; accepted: Promise<void> }> {
  let accepted = 0;
  let firstAccepted = () => {};
  const accepting = new Promise<void>((resolve) => {
    firstAccepted = resolve;
  });
  const started = await startNetServer((socket) => {
    accepted += 1;
    firstAccepted();
    const index = accepted;
    socket.on('data', () => {
      if (index === 1) socket.destroy();
      else socket.write(RESPONSE);
    });
  });
  closers.push(started.close);
  return { origin: started.origin, connections: () => accepted, accepted: accepting };
}

describe('raw client warm sockets', () => {
  it('opens preconnect sockets before any request and retries one that dies before answering', async () => {
    const target = await server();
    const client = new RawHttpClient({
      origin: target.origin,
      connections: 4,
      timeoutMs: 2000,
      servedByHeader: 'x-served-by',
      preconnect: 1,
    });
    closers.push(() => client.close());
    await target.accepted; // the preconnect socket, with no request sent yet
    expect(target.connections()).toBe(1);
    const result = await client.send(client.prepare({ method: 'GET', path: '/' }, false));
    expect(result.errorClass).toBeUndefined();
    expect(result.status).toBe(200);
    expect(result.servedBy).toBe('s1');
    expect(target.connections()).toBe(2);
  });

  it('runs requests back to back through sendWith and reports each result once', async () => {
    const target = await server();
    const client = new RawHttpClient({ origin: target.origin, connections: 1, timeoutMs: 2000 });
    closers.push(() => client.close());
    const prepared = client.prepare({ method: 'GET', path: '/' }, true);
    const statuses: number[] = [];
    await new Promise<void>((resolve) => {
      const next = () =>
        client.sendWith(prepared, (result) => {
          statuses.push(result.status);
          if (statuses.length < 5) next();
          else resolve();
        });
      next();
    });
    // the first request met the dropping connection: a fresh socket fails before any byte → reset
    expect(statuses).toEqual([0, 200, 200, 200, 200]);
  });
});
