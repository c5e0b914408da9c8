import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../targets/app/server.ts';
import { deleteRedisKeys, post, startShopApp, uniquePrefix } from './shop-app.ts';
import { seededTestDatabase, type TestDatabase } from './shop-database.ts';

async function version(app: RunningApp, id: number): Promise<number> {
  return ((await (await fetch(`${app.url}/products/${id}`)).json()) as { version: number }).version;
}

describe('CACHE=query', () => {
  let database: TestDatabase;
  let app: RunningApp | undefined;
  const prefix = uniquePrefix();

  beforeAll(async () => {
    database = await seededTestDatabase();
  });
  afterAll(() => database.drop());
  afterEach(async () => {
    await app?.close();
    app = undefined;
    await deleteRedisKeys(prefix);
  });

  it('serves the old version after a write until the TTL expires, then the new one', async () => {
    app = await startShopApp({
      CACHE: 'query',
      CACHE_TTL_SECONDS: '3',
      REDIS_PREFIX: prefix,
      DATABASE_URL: database.url,
    });
    expect(await version(app, 21)).toBe(1);
    expect(app.counters.get('cacheMisses')).toBe(4);
    const written = await post(`${app.url}/products/21/reviews`, { rating: 1, text: 'meh' });
    expect(await written.json()).toEqual({ version: 2 });

    expect(await version(app, 21)).toBe(1);
    expect(app.counters.get('cacheHits')).toBe(4);
    expect(app.counters.get('dbQueries')).toBe(4);

    let seen = 1;
    const deadline = Date.now() + 15_000;
    while (seen < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      seen = await version(app, 21);
    }
    expect(seen).toBe(2);
    expect(app.counters.get('dbQueries')).toBeGreaterThan(4);
  });
});
