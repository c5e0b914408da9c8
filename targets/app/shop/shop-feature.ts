/**
 * The `shop` feature: sessions + cart (clones experiment) and product pages + reviews (caching
 * experiment). SESSION picks where sessions live, CACHE how product pages are cached. Redis is
 * connected only when a knob needs it; the Postgres pool opens connections only when products are used.
 */
import type { Redis } from 'ioredis';
import pg from 'pg';
import type { AppConfig } from '../config.ts';
import type { Feature, FeatureFactory } from '../feature.ts';
import type { Counters } from '../metrics.ts';
import { registerCartRoutes } from './cart-routes.ts';
import { MemorySessionStore } from './memory-sessions.ts';
import { registerProductRoutes } from './product-routes.ts';
import { DirectProductStore, ObjectCacheProductStore, type ProductStore } from './product-store.ts';
import { connectRedis } from './redis-client.ts';
import { RedisSessionStore } from './redis-sessions.ts';
import type { SessionStore } from './sessions.ts';
import { PoolRunner, QueryCacheRunner } from './sql-runners.ts';

/** the shop's counters, present at /metrics from the start so a ratio never divides by a missing name */
export const shopCounterNames = [
  'sessionsCreated',
  'sessionsMissing',
  'cartItemsAdded',
  'dbQueries',
  'cacheHits',
  'cacheMisses',
  'reviewsWritten',
] as const;

export const createShopFeature: FeatureFactory = async ({ config, counters }): Promise<Feature> => {
  for (const name of shopCounterNames) counters.inc(name, 0);
  const needsRedis = config.SESSION === 'redis' || config.CACHE !== 'none';
  const redis = needsRedis ? connectRedis(config.REDIS_URL, config.INSTANCE_ID) : undefined;
  const sessions: SessionStore = redis
    ? new RedisSessionStore(redis, config.REDIS_PREFIX)
    : new MemorySessionStore();
  const pool = new pg.Pool({
    connectionString: config.DATABASE_URL,
    max: config.PG_POOL_MAX,
    connectionTimeoutMillis: 5_000,
  });
  pool.on('error', (error) => process.stderr.write(`[${config.INSTANCE_ID}] postgres: ${error.message}\n`));
  const products = productStore(config, pool, redis, counters);
  return {
    register(router) {
      registerCartRoutes(router, sessions, counters, config.PAGE_COST_MS);
      registerProductRoutes(router, pool, products, counters, config.PAGE_COST_MS);
    },
    async ready() {
      if (redis) await redis.ping();
    },
    async close() {
      await pool.end();
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
};

function productStore(
  config: AppConfig,
  pool: pg.Pool,
  redis: Redis | undefined,
  counters: Counters,
): ProductStore {
  const runner = new PoolRunner(pool, counters);
  const ttl = config.CACHE_TTL_SECONDS;
  if (config.CACHE === 'none' || !redis) return new DirectProductStore(runner);
  if (config.CACHE === 'query') {
    return new DirectProductStore(new QueryCacheRunner(runner, redis, config.REDIS_PREFIX, ttl, counters));
  }
  return new ObjectCacheProductStore(runner, redis, config.REDIS_PREFIX, ttl, counters);
}
