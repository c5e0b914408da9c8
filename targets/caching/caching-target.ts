/**
 * The `caching` target (the seed's third lesson): the shop's product pages over Postgres, uncached
 * (cache=none), with a query cache (SQL result in Redis keyed by SQL + parameters, with a TTL) or an
 * object cache (the assembled product in Redis, invalidated on every write). The database is created
 * and seeded (idempotent) before the app starts. One instance by default; --clones N puts N behind a
 * balancer, like the clones target. With a CPU size (options.server), PostgreSQL is a server of its own
 * of that size too (a dedicated cluster, seeded, then confined as the database target's are), so the
 * database is the bottleneck "no cache" meets, not whatever CPU the host has left; DATABASE_URL given
 * keeps the database it names, unsized.
 */
import { randomBytes } from 'node:crypto';
import { removeKeysWithPrefix } from '../app/redis-keys.ts';
import { prepareShopDatabase } from '../app/shop/prepare.ts';
import type { ShopSeedOptions } from '../app/shop/seed-data.ts';
import { type BalancerPreference, balancerPreferences } from '../balancer/choose.ts';
import { startCloneSet } from '../clones/clone-set.ts';
import { type ClusterConfinement, confineCluster } from '../database/confine-cluster.ts';
import { startDedicatedPrimary } from '../database/replica-pair.ts';
import { databaseUrl } from '../services/postgres.ts';
import { resolveService } from '../services/resolve.ts';
import { capsCpu, externalServerSize, type ServerSize } from '../sizing/server-size.ts';
import type { InstanceInfo, RunningTarget, TargetDefinition, TargetStartOptions } from '../target.ts';
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
  let database: ShopDatabase;
  try {
    database = await shopDatabase(env, options.server, options.databaseCpus);
  } catch (error: unknown) {
    await redis.stop();
    throw error;
  }
  const stopServices = async () => {
    await redis.stop();
    await database.release();
  };
  const appEnv: Record<string, string | undefined> = {
    REDIS_PREFIX: `sb:caching:${randomBytes(4).toString('hex')}:`,
    ...options.env,
    FEATURES: 'shop',
    SESSION: 'redis',
    CACHE: variant.cache,
    REDIS_URL: redis.url,
    DATABASE_URL: database.url,
  };
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
    ...(database.instance ? { extraInstances: () => [database.instance!()] } : {}),
  });
}

interface ShopDatabase {
  url: string;
  /** the sized PostgreSQL server this target started, listed among its instances */
  instance?: () => InstanceInfo;
  release(): Promise<void>;
}

/** the shop database, seeded: on a sized server of its own, on DATABASE_URL, or on the resolved server */
async function shopDatabase(
  env: Record<string, string | undefined>,
  size: ServerSize | undefined,
  cpus: number | undefined,
): Promise<ShopDatabase> {
  const seed = seedOptionsFrom(env);
  if (env.DATABASE_URL) {
    await prepareShopDatabase(env.DATABASE_URL, seed);
    return { url: env.DATABASE_URL, release: async () => {} };
  }
  if (capsCpu(size)) {
    const server = externalServerSize(size, cpus);
    const own = await startDedicatedPrimary({
      env,
      beforeBackup: async (url) => {
        await prepareShopDatabase(databaseUrl(url, SHOP_DATABASE), seed);
      },
    });
    let confined: ClusterConfinement;
    try {
      confined = await confineCluster('postgres-primary', own.primary.pid, server);
    } catch (error: unknown) {
      await own.stop();
      throw error;
    }
    return {
      url: databaseUrl(own.primary.url, SHOP_DATABASE),
      instance: () => ({
        id: 'postgres-primary',
        kind: 'replica',
        url: own.primary.url,
        pid: own.primary.pid,
        alive: own.primary.alive(),
        logFile: null,
        tree: true,
        ...(server ? { server } : {}),
      }),
      release: async () => {
        await confined.beforeStop().catch(() => undefined);
        await own.stop();
        await confined.release().catch(() => undefined);
      },
    };
  }
  const postgres = await resolveService('postgres', { env });
  try {
    const url = databaseUrl(postgres.url, SHOP_DATABASE);
    await prepareShopDatabase(url, seed);
    return { url, release: () => postgres.stop() };
  } catch (error: unknown) {
    await postgres.stop();
    throw error;
  }
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
    'shop product pages over Postgres (10k products, 300k reviews, seeded by scalebench): no cache, a query cache in Redis (SQL result + TTL) or an object cache (assembled product, invalidated on write)',
  variants: cachingVariants,
  // a sized run starts a PostgreSQL server of its own (system binaries), not the shared one
  services: () => ['redis', 'postgres'],
  start: startCachingTarget,
};
