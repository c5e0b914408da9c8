/**
 * The `caching` target (the seed's third lesson): the shop's product pages over Postgres, uncached
 * (cache=none), with a query cache (SQL result in Redis keyed by SQL + parameters, with a TTL) or an
 * object cache (the assembled product in Redis, invalidated on every write). The database is created
 * and seeded (idempotent) before the app starts. One instance by default; --clones N puts N behind a
 * balancer, like the clones target.
 */
import { randomBytes } from 'node:crypto';
import { removeKeysWithPrefix } from '../app/redis-keys.ts';
import { prepareShopDatabase } from '../app/shop/prepare.ts';
import type { ShopSeedOptions } from '../app/shop/seed-data.ts';
import { type BalancerPreference, balancerPreferences } from '../balancer/choose.ts';
import { startCloneSet } from '../clones/clone-set.ts';
import { databaseUrl } from '../services/postgres.ts';
import { resolveService } from '../services/resolve.ts';
import type { RunningTarget, TargetDefinition, TargetStartOptions } from '../target.ts';
import { resolveVariant } from '../variant.ts';

/** the database the caching target seeds, on the server resolveService('postgres') finds */
export const SHOP_DATABASE = 'scalebench_shop';

export const cachingVariants = {
  cache: ['none', 'query', 'object'],
  balancer: balancerPreferences,
} as const;

export async function startCachingTarget(options: TargetStartOptions): Promise<RunningTarget> {
  const variant = resolveVariant(cachingTarget, options.variant);
  const env = { ...process.env, ...options.env };
  const redis = await resolveService('redis', { env });
  const postgres = env.DATABASE_URL ? undefined : await resolveService('postgres', { env });
  const stopServices = async () => {
    await redis.stop();
    await postgres?.stop();
  };
  const appEnv: Record<string, string | undefined> = {
    REDIS_PREFIX: `sb:caching:${randomBytes(4).toString('hex')}:`,
    ...options.env,
    FEATURES: 'shop',
    SESSION: 'redis',
    CACHE: variant.cache,
    REDIS_URL: redis.url,
    DATABASE_URL: env.DATABASE_URL ?? databaseUrl(postgres!.url, SHOP_DATABASE),
  };
  try {
    await prepareShopDatabase(appEnv.DATABASE_URL!, seedOptionsFrom(env));
  } catch (error: unknown) {
    await stopServices();
    throw error;
  }
  const prefix = appEnv.REDIS_PREFIX!;
  return startCloneSet({
    experiment: 'caching',
    clones: options.clones ?? 1,
    env: appEnv,
    affinity: 'none',
    balancer: variant.balancer as BalancerPreference,
    logDir: options.logDir,
    ...(options.server ? { server: options.server } : {}),
    onStop: async () => {
      await removeKeysWithPrefix(redis.url, prefix).catch(() => undefined);
      await stopServices();
    },
  });
}

/** SCALEBENCH_SHOP_PRODUCTS / SCALEBENCH_SHOP_REVIEWS_PER_PRODUCT shrink the seed (tests, quick runs) */
function seedOptionsFrom(env: Record<string, string | undefined>): Partial<ShopSeedOptions> {
  const out: Partial<ShopSeedOptions> = {};
  const products = Number(env.SCALEBENCH_SHOP_PRODUCTS);
  const reviews = Number(env.SCALEBENCH_SHOP_REVIEWS_PER_PRODUCT);
  if (Number.isInteger(products) && products > 0) out.products = products;
  if (Number.isInteger(reviews) && reviews > 0) out.reviewsPerProduct = reviews;
  return out;
}

export const cachingTarget: TargetDefinition = {
  name: 'caching',
  description:
    'shop product pages over Postgres (10k products, 200k reviews, seeded by scalebench): no cache, a query cache in Redis (SQL result + TTL) or an object cache (assembled product, invalidated on write)',
  variants: cachingVariants,
  services: () => ['redis', 'postgres'],
  start: startCachingTarget,
};
