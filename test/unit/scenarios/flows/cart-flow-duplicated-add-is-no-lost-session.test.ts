/**
 * The clones experiment's shopper flow: a cart holding everything this session added plus a replayed
 * add (a balancer retrying a POST whose clone died after applying it) counts as cartItemsDuplicated,
 * not as a lost session. A cart missing an item is still a lost session.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { runLoad } from '../../../../load/engine/run-load.ts';
import { cartFlow } from '../../../../scenarios/flows/cart-flow.ts';

let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** a shop whose every add is stored `copies` times (0: dropped) */
async function startShop(copies: number): Promise<string> {
  const carts = new Map<string, number[]>();
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      const sid = /sid=(\w+)/.exec(request.headers.cookie ?? '')?.[1];
      if (request.url === '/login') {
        const id = `s${carts.size + 1}`;
        carts.set(id, []);
        response.writeHead(200, { 'set-cookie': `sid=${id}; Path=/` }).end('{}');
        return;
      }
      const cart = sid === undefined ? undefined : carts.get(sid);
      if (!cart) return void response.writeHead(401).end();
      if (request.method === 'POST') {
        const { productId } = JSON.parse(body) as { productId: number };
        for (let i = 0; i < copies; i += 1) cart.push(productId);
        return void response.writeHead(201).end('{}');
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: cart }));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

async function shopTwice(copies: number) {
  const baseUrl = await startShop(copies);
  const outcome = await runLoad({
    baseUrl,
    executor: { executor: 'constant-vus', vus: 1, duration: '1s' },
    flow: cartFlow,
    flowParams: { users: 1, items: 2, catalog: 100 },
  });
  return outcome.counters;
}

it('counts a replayed add as a duplicated item and keeps the session', async () => {
  const counters = await shopTwice(2);
  expect(counters.sessions).toBe(1);
  expect(counters.sessionsLost ?? 0).toBe(0);
  expect(counters.cartItemsDuplicated).toBeGreaterThanOrEqual(2);
});

it('still counts a cart missing an item as a lost session', async () => {
  const counters = await shopTwice(0);
  expect(counters.sessionsLost).toBeGreaterThan(0);
  expect(counters.cartItemsDuplicated ?? 0).toBe(0);
});
