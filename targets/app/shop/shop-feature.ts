/**
 * The `shop` feature: sessions + cart (clones experiment). SESSION picks where sessions live;
 * Redis is connected only when a knob needs it.
 */
import type { Redis } from 'ioredis';
import type { Feature, FeatureFactory } from '../feature.ts';
import { registerCartRoutes } from './cart-routes.ts';
import { MemorySessionStore } from './memory-sessions.ts';
import { connectRedis } from './redis-client.ts';
import { RedisSessionStore } from './redis-sessions.ts';
import type { SessionStore } from './sessions.ts';

export const createShopFeature: FeatureFactory = async ({ config, counters }): Promise<Feature> => {
  const redis: Redis | undefined =
    config.SESSION === 'redis' ? connectRedis(config.REDIS_URL, config.INSTANCE_ID) : undefined;
  const sessions: SessionStore = redis
    ? new RedisSessionStore(redis, config.REDIS_PREFIX)
    : new MemorySessionStore();
  return {
    register(router) {
      registerCartRoutes(router, sessions, counters);
    },
    async ready() {
      if (redis) await redis.ping();
    },
    async close() {
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
};
