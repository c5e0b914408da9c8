import { afterEach, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../targets/app/server.ts';
import { deleteRedisKeys, login, post, startShopApp, uniquePrefix } from './shop-app.ts';

describe('a session created on one instance, used on another', () => {
  const apps: RunningApp[] = [];
  const prefix = uniquePrefix();

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
    await deleteRedisKeys(prefix);
  });

  async function twoInstances(session: string): Promise<[RunningApp, RunningApp]> {
    const a = await startShopApp({ SESSION: session, REDIS_PREFIX: prefix, INSTANCE_ID: 'a' });
    apps.push(a);
    const b = await startShopApp({ SESSION: session, REDIS_PREFIX: prefix, INSTANCE_ID: 'b' });
    apps.push(b);
    return [a, b];
  }

  it('is unknown to the other instance with SESSION=memory', async () => {
    const [a, b] = await twoInstances('memory');
    const cookie = await login(a.url);
    expect((await post(`${a.url}/cart/items`, { productId: 7 }, cookie)).status).toBe(200);
    expect((await fetch(`${b.url}/cart`, { headers: { cookie } })).status).toBe(401);
    expect((await post(`${b.url}/cart/items`, { productId: 8 }, cookie)).status).toBe(401);
    expect(b.counters.get('sessionsMissing')).toBe(2);
  });

  it('is served by the other instance with SESSION=redis, cart included', async () => {
    const [a, b] = await twoInstances('redis');
    const cookie = await login(a.url);
    expect((await post(`${a.url}/cart/items`, { productId: 7 }, cookie)).status).toBe(200);
    expect((await post(`${b.url}/cart/items`, { productId: 8 }, cookie)).status).toBe(200);
    const cart = await fetch(`${b.url}/cart`, { headers: { cookie } });
    expect(cart.headers.get('x-served-by')).toBe('b');
    expect(await cart.json()).toEqual({ items: [7, 8] });
    expect(b.counters.get('sessionsMissing')).toBe(0);
  });
});
