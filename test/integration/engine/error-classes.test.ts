import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runLoad } from '../../../load/engine/run-load.ts';
import type { LoadRunOptions } from '../../../load-model/types.ts';
import { LENIENT, startServer, type TestServer } from './fixtures/test-server.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const load = (baseUrl: string, extra: Partial<LoadRunOptions> = {}): LoadRunOptions => ({
  baseUrl,
  executor: {
    executor: 'constant-arrival-rate',
    rate: 20,
    duration: '500ms',
    preAllocatedVUs: 5,
    maxVUs: 20,
  },
  saturation: LENIENT,
  ...extra,
});

async function rawServer(onSocket: (socket: import('node:net').Socket) => void): Promise<string> {
  const server: Server = createServer(onSocket);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket) => sockets.add(socket));
  closers.push(
    () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

async function httpServer(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const server = await startServer(handler);
  closers.push(() => server.close());
  return server;
}

describe.each(['raw', 'undici'] as const)('error classes with the %s client', (client) => {
  it('counts refused connections', async () => {
    const url = await rawServer(() => {});
    await closers.pop()!(); // nothing listens there any more
    const { summary } = await runLoad(load(url, { client }));
    expect(summary.errorsByClass).toEqual({ refused: summary.requests });
    expect(summary.requests).toBe(10);
  });

  it('counts resets', async () => {
    const url = await rawServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
    const { summary } = await runLoad(load(url, { client }));
    expect(summary.errorsByClass).toEqual({ reset: 10 });
  });

  it('counts timeouts after the per-request timeout', async () => {
    const url = await rawServer(() => {});
    const { summary } = await runLoad(load(url, { client, timeout: '200ms' }));
    expect(summary.errorsByClass).toEqual({ timeout: 10 });
    expect(summary.latency.service.min).toBeGreaterThanOrEqual(199);
  });

  it('counts 5xx and 4xx per step', async () => {
    let n = 0;
    const server = await httpServer((_req, res) => {
      n += 1;
      res.statusCode = n % 2 === 0 ? 503 : 404;
      res.end();
    });
    const { summary } = await runLoad(load(server.url, { client }));
    expect(summary.errorsByClass).toEqual({ status_5xx: 5, status_4xx: 5 });
    expect(summary.steps).toMatchObject([
      { name: 'request', requests: 10, errors: { status_5xx: 5, status_4xx: 5 } },
    ]);
    expect(summary.steps[0]!.latency!.response.count).toBe(10);
  });
});
