/**
 * A clone that read a request and died before answering may have applied it. The balancers retry such a
 * GET on another clone but never replay the POST (a cart item added twice): the client gets a 5xx.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Backend, BalancerKind, RunningBalancer } from '../../../targets/balancer/balancer.ts';
import { chooseBalancer, startBalancer } from '../../../targets/balancer/choose.ts';
import { requireTool } from '../../helpers/requires-tool.ts';

/** clones that answer /healthz, drop the connection on the first request to /drop (counting it), answer later ones */
async function startDroppingClones(count: number) {
  const arrivals: string[] = [];
  const servers: Server[] = [];
  const backends: Backend[] = [];
  for (let i = 0; i < count; i += 1) {
    const server = createServer((req, res) => {
      if (req.url === '/healthz') return void res.end(JSON.stringify({ instance: `clone-${i}`, build: 't' }));
      req.resume();
      req.on('end', () => {
        arrivals.push(`${req.method} clone-${i}`);
        if (arrivals.length === 1) res.socket?.destroy();
        else res.end('applied');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    backends.push({ id: `clone-${i}`, port: (server.address() as AddressInfo).port });
  }
  const stop = () =>
    Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve).closeAllConnections()))).then(
      () => {},
    );
  return { arrivals, backends, stop };
}

describe('a request whose clone dropped the connection after reading it', () => {
  const logDir = mkdtempSync(join(tmpdir(), 'sb-balancer-test-'));
  const stops: (() => Promise<void>)[] = [];

  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });
  afterAll(() => rmSync(logDir, { recursive: true, force: true }));

  const send = async (kind: BalancerKind, method: 'GET' | 'POST') => {
    const clones = await startDroppingClones(2);
    stops.push(clones.stop);
    const balancer: RunningBalancer = await startBalancer(await chooseBalancer(kind), {
      backends: clones.backends,
      affinity: 'none',
      logDir,
    });
    stops.push(() => balancer.stop());
    const body = method === 'POST' ? JSON.stringify({ item: 1 }) : undefined;
    const response = await request(new URL('/drop', balancer.url), {
      method,
      body,
      headers: { 'content-type': 'application/json' },
    });
    await response.body.dump();
    return { status: response.statusCode, arrivals: clones.arrivals };
  };

  it.for<BalancerKind>(['haproxy', 'nginx', 'builtin'])(
    '%s: POST answered 5xx, not replayed',
    async (kind, ctx) => {
      if (kind !== 'builtin') await requireTool(ctx, kind);
      const { status, arrivals } = await send(kind, 'POST');
      expect(arrivals).toHaveLength(1);
      expect(status).toBeGreaterThanOrEqual(500);
    },
  );

  it.for<BalancerKind>(['haproxy', 'nginx', 'builtin'])('%s: GET retried and answered', async (kind, ctx) => {
    if (kind !== 'builtin') await requireTool(ctx, kind);
    const { status, arrivals } = await send(kind, 'GET');
    expect(arrivals).toHaveLength(2);
    expect(status).toBe(200);
  });
});
