/**
 * The two ways the product page reaches SQL: straight to the pool (CACHE=none|object), or through
 * the query cache (CACHE=query), which stores each result in Redis under a hash of SQL + parameters for
 * CACHE_TTL_SECONDS and never invalidates it, so reads within the TTL after a write are stale.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { Counters } from '../metrics.ts';
import type { SqlRunner } from './product-query.ts';

export class PoolRunner implements SqlRunner {
  constructor(
    private readonly pool: pg.Pool,
    private readonly counters: Counters,
  ) {}

  async rows<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    this.counters.inc('dbQueries');
    const result = await this.pool.query(sql, params as unknown[]);
    return result.rows as T[];
  }
}

export function queryCacheKey(prefix: string, sql: string, params: readonly unknown[]): string {
  const hash = createHash('sha1').update(sql).update('\0').update(JSON.stringify(params)).digest('hex');
  return `${prefix}query:${hash}`;
}

export class QueryCacheRunner implements SqlRunner {
  constructor(
    private readonly inner: SqlRunner,
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
    private readonly counters: Counters,
  ) {}

  async rows<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    const key = queryCacheKey(this.prefix, sql, params);
    const cached = await this.redis.get(key);
    if (cached !== null) {
      this.counters.inc('cacheHits');
      return JSON.parse(cached) as T[];
    }
    this.counters.inc('cacheMisses');
    const rows = await this.inner.rows<T>(sql, params);
    await this.redis.set(key, JSON.stringify(rows), 'PX', Math.max(1, Math.round(this.ttlSeconds * 1000)));
    return rows;
  }
}
