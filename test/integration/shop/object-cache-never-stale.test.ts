import { describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../targets/app/server.ts';
import { shopAppPerTest } from '../../fixtures/shop/app-per-test.ts';
import { useSeededDatabase } from '../../fixtures/shop/seeded-database.ts';
import { post, uniquePrefix } from './shop-app.ts';

async function version(app: RunningApp, id: number): Promise<number> {
  return ((await (await fetch(`${app.url}/products/${id}`)).json()) as { version: number }).version;
}

describe('CACHE=object', () => {
  const database = useSeededDatabase();
  const startApp = shopAppPerTest({ redisPrefix: uniquePrefix() });
  const start = (instance: string) =>
    startApp({
      CACHE: 'object',
      CACHE_TTL_SECONDS: '600',
      DATABASE_URL: database.url,
      INSTANCE_ID: instance,
    });

  it('serves repeated reads from the cache and counts hits and misses', async () => {
    const app = await start('a');
    for (let i = 0; i < 3; i += 1) expect(await version(app, 11)).toBe(1);
    expect(app.counters.get('cacheMisses')).toBe(1);
    expect(app.counters.get('cacheHits')).toBe(2);
    expect(app.counters.get('dbQueries')).toBe(4);
  });

  it('returns the acknowledged version on every read after a write, on any instance', async () => {
    const [a, b] = [await start('a'), await start('b')];
    let stale = 0;
    for (let round = 0; round < 10; round += 1) {
      await version(a, 12);
      await version(b, 12);
      const written = await post(`${b.url}/products/12/reviews`, { rating: 4, text: `round ${round}` });
      const acknowledged = ((await written.json()) as { version: number }).version;
      expect(acknowledged).toBe(round + 2);
      if ((await version(a, 12)) < acknowledged) stale += 1;
      if ((await version(b, 12)) < acknowledged) stale += 1;
    }
    expect(stale).toBe(0);
    expect(a.counters.get('cacheHits') + b.counters.get('cacheHits')).toBeGreaterThan(0);
  });
});
