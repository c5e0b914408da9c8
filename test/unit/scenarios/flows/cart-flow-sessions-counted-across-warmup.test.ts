/**
 * The shopper flow counts sessions in one unit over the measured part, whenever they logged in: every
 * shopper logs in and comes back during the warm-up here, and still each surviving session is counted
 * once in `sessions` (judged in the measured part); lost ones never outnumber them; a session given up
 * on a transport failure before any judgement is one `sessionsUnjudged`, not one per visit.
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

type Behaviour = 'keep' | 'lose' | 'break';

/** a shop that keeps carts ('keep'), forgets every session ('lose'), or resets every add ('break') */
async function startShop(behaviour: Behaviour): Promise<{ url: string; logins: () => number }> {
  const carts = new Map<string, number[]>();
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      if (request.url === '/login') {
        const id = `s${carts.size + 1}`;
        carts.set(id, []);
        response.writeHead(200, { 'set-cookie': `sid=${id}; Path=/` }).end('{}');
        return;
      }
      if (behaviour === 'break') return void request.socket.destroy();
      const sid = /sid=(\w+)/.exec(request.headers.cookie ?? '')?.[1];
      const cart = behaviour === 'lose' || sid === undefined ? undefined : carts.get(sid);
      if (!cart) return void response.writeHead(401).end();
      if (request.method === 'POST') {
        cart.push((JSON.parse(body) as { productId: number }).productId);
        return void response.writeHead(201).end('{}');
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: cart }));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, logins: () => carts.size };
}

const USERS = 4;

/** 4 shoppers visited about every 100 ms: each logs in and returns several times within the 600 ms warm-up */
async function shopAcrossWarmup(behaviour: Behaviour) {
  const shop = await startShop(behaviour);
  const outcome = await runLoad({
    baseUrl: shop.url,
    executor: {
      executor: 'constant-arrival-rate',
      rate: 40,
      duration: '1s',
      preAllocatedVUs: 4,
      maxVUs: 16,
    },
    warmup: '600ms',
    flow: cartFlow,
    flowParams: { users: USERS, items: 1, catalog: 100 },
  });
  return { counters: outcome.counters, logins: shop.logins() };
}

it('counts the sessions that logged in during the warm-up and survived', async () => {
  const { counters, logins } = await shopAcrossWarmup('keep');
  // every shopper is judged in the measured part; more only if a busy moment let a shopper arrive
  expect(counters.sessions).toBeGreaterThanOrEqual(USERS);
  expect(counters.sessions).toBeLessThanOrEqual(logins);
  expect(counters.sessionsLost ?? 0).toBe(0);
  expect(counters.sessionsUnjudged ?? 0).toBe(0);
});

it('counts a lost session among the judged ones, so lost never exceeds judged', async () => {
  const { counters, logins } = await shopAcrossWarmup('lose');
  expect(counters.sessionsLost).toBeGreaterThan(0);
  expect(counters.sessionsLost).toBe(counters.sessions);
  expect(counters.sessions).toBeLessThanOrEqual(logins);
});

it('counts unjudged sessions in sessions, not visits: at most one per login', async () => {
  const { counters, logins } = await shopAcrossWarmup('break');
  expect(counters.sessions ?? 0).toBe(0);
  expect(counters.sessionsUnjudged).toBeGreaterThan(0);
  expect(counters.sessionsUnjudged).toBeLessThanOrEqual(logins);
});
