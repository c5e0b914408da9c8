import { afterEach, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../targets/app/server.ts';
import { deleteRedisKeys, login, post, startShopApp, uniquePrefix } from './shop-app.ts';

describe.each(['memory', 'redis'])('login and cart with SESSION=%s', (session) => {
  let app: RunningApp | undefined;
  const prefix = uniquePrefix();

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await deleteRedisKeys(prefix);
  });

  it('sets an HttpOnly sid cookie and keeps exactly the items added, in order', async () => {
    app = await startShopApp({ SESSION: session, REDIS_PREFIX: prefix });
    const response = await post(`${app.url}/login`, { user: 'alice' });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/^sid=[A-Za-z0-9_-]+; Path=\/; HttpOnly/);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    for (const productId of [3, 1, 3]) {
      expect((await post(`${app.url}/cart/items`, { productId }, cookie)).status).toBe(200);
    }
    const cart = await fetch(`${app.url}/cart`, { headers: { cookie } });
    expect(cart.status).toBe(200);
    expect(cart.headers.get('x-served-by')).toBe('shop-test');
    expect(await cart.json()).toEqual({ items: [3, 1, 3] });
    const other = await login(app.url, 'bob');
    expect(await (await fetch(`${app.url}/cart`, { headers: { cookie: other } })).json()).toEqual({
      items: [],
    });
  });

  it('answers 401 without a session or with an unknown one, and counts it', async () => {
    app = await startShopApp({ SESSION: session, REDIS_PREFIX: prefix });
    expect((await fetch(`${app.url}/cart`)).status).toBe(401);
    expect((await post(`${app.url}/cart/items`, { productId: 1 })).status).toBe(401);
    const unknown = 'sid=AAAAAAAAAAAAAAAAAAAAAAAA';
    expect((await fetch(`${app.url}/cart`, { headers: { cookie: unknown } })).status).toBe(401);
    expect((await post(`${app.url}/cart/items`, { productId: 1 }, unknown)).status).toBe(401);
    expect(app.counters.get('sessionsMissing')).toBe(4);
    expect(app.counters.get('sessionsCreated')).toBe(0);
  });

  it('answers 400 to bad JSON, a missing user or a non-integer productId', async () => {
    app = await startShopApp({ SESSION: session, REDIS_PREFIX: prefix });
    expect((await post(`${app.url}/login`, '{"user":')).status).toBe(400);
    expect((await post(`${app.url}/login`, { name: 'x' })).status).toBe(400);
    const cookie = await login(app.url);
    expect((await post(`${app.url}/cart/items`, { productId: 'a' }, cookie)).status).toBe(400);
    expect((await post(`${app.url}/cart/items`, { productId: 1.5 }, cookie)).status).toBe(400);
    expect(await (await fetch(`${app.url}/cart`, { headers: { cookie } })).json()).toEqual({ items: [] });
  });
});
