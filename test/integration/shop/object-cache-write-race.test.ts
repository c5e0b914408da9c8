import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { Counters } from '../../../targets/app/metrics.ts';
import { productSql, type SqlRunner } from '../../../targets/app/shop/product-query.ts';
import { ObjectCacheProductStore } from '../../../targets/app/shop/product-store.ts';
import { deleteRedisKeys, redisUrl, uniquePrefix } from './shop-app.ts';

/** an in-process database of one product whose product query can be held until released */
class GatedRunner implements SqlRunner {
  version = 1;
  private gate: Promise<void> | undefined;
  release: () => void = () => {};
  private signalEntered: () => void = () => {};

  /** holds the next product query; resolves once that query has read the version */
  hold(): Promise<void> {
    this.gate = new Promise((resolve) => {
      this.release = resolve;
    });
    return new Promise((resolve) => {
      this.signalEntered = resolve;
    });
  }

  async rows<T>(sql: string): Promise<T[]> {
    if (sql !== productSql) return [];
    const version = this.version;
    const gate = this.gate;
    this.gate = undefined;
    this.signalEntered();
    await gate;
    const row = { id: 1, name: 'p', category: 1, price_cents: 1, description: '', version, review_count: 0 };
    return [{ ...row, avg_rating: 0, r1: 0, r2: 0, r3: 0, r4: 0, r5: 0 } as T];
  }
}

describe('the object cache when a write lands while a miss is being loaded', () => {
  const prefix = uniquePrefix();
  let redis: Redis | undefined;

  afterEach(async () => {
    redis?.disconnect();
    await deleteRedisKeys(prefix);
  });

  it('does not store the page loaded before the write, so the next read sees the new version', async () => {
    redis = new Redis(redisUrl);
    const runner = new GatedRunner();
    const store = new ObjectCacheProductStore(runner, redis, prefix, 600, new Counters());
    const entered = runner.hold();
    const slowRead = store.read(1);
    await entered;
    runner.version = 2;
    await store.invalidate(1);
    runner.release();
    const version = (text: string | undefined) => (JSON.parse(text ?? '{}') as { version?: number }).version;
    expect(version(await slowRead)).toBe(1);
    expect(version(await store.read(1))).toBe(2);
    expect(version(await store.read(1))).toBe(2);
  });
});
