import { describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../targets/app/server.ts';
import { shopAppPerTest } from '../../fixtures/shop/app-per-test.ts';
import { useSeededDatabase } from '../../fixtures/shop/seeded-database.ts';
import { post, uniquePrefix } from './shop-app.ts';

async function version(app: RunningApp, id: number): Promise<number> {
  return ((await (await fetch(`${app.url}/products/${id}`)).json()) as { version: number }).version;
}

describe('CACHE=query', () => {
  const database = useSeededDatabase();
  const startApp = shopAppPerTest({ redisPrefix: uniquePrefix() });

  it('serves the old version after a write until the TTL expires, then the new one', async () => {
    const app = await startApp({ CACHE: 'query', CACHE_TTL_SECONDS: '3', DATABASE_URL: database.url });
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
