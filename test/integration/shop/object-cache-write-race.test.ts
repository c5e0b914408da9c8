import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { Counters } from '../../../targets/app/metrics.ts';
import { productSql, type SqlRunner } from '../../../targets/app/shop/product-query.ts';
import { ObjectCacheProductStore } from '../../../targets/app/shop/product-store.ts';
import { deleteRedisKeys, redisUrl, uniquePrefix } from './shop-app.ts';

/** an in-process database of one product whose product query can be held until released */
class GatedRunner implements SqlRunner {
  version = 1;
  /** product queries run so far */
  queries = 0;
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
    this.queries += 1;
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
  it('shares one load among the misses of a generation, and a read after a write does not join it', async () => {
    redis = new Redis(redisUrl);
    const runner = new GatedRunner();
    const store = new ObjectCacheProductStore(runner, redis, prefix, 600, new Counters());
    const entered = runner.hold();
    const first = store.read(1);
    await entered;
    const joined = [store.read(1), store.read(1)];
    // the three misses of generation 0 wait on one query
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runner.queries).toBe(1);
    runner.version = 2;
    await store.invalidate(1);
    // sent after the write was acknowledged: a load of its own, which sees version 2
    const after = store.read(1);
    runner.release();
    const version = (text: string | undefined) => (JSON.parse(text ?? '{}') as { version?: number }).version;
    expect((await Promise.all([first, ...joined])).map(version)).toEqual([1, 1, 1]);
    expect(version(await after)).toBe(2);
    expect(runner.queries).toBe(2);
  });
});
