/**
 * The `clones` target (the seed's first lesson): N app clones with the shop's sessions and cart behind
 * a real load balancer. session=redis keeps sessions in Redis (any clone serves any user: stateless
 * clones); session=memory keeps them in each process (a round-robin balancer makes carts go missing);
 * affinity=sticky pins each client to a clone by cookie (until that clone dies).
 */
import { randomBytes } from 'node:crypto';
import { removeKeysWithPrefix } from '../app/redis-keys.ts';
import type { Affinity } from '../balancer/balancer.ts';
import { type BalancerPreference, balancerPreferences } from '../balancer/choose.ts';
import { resolveService } from '../services/resolve.ts';
import type { RunningTarget, TargetDefinition, TargetStartOptions } from '../target.ts';
import { resolveVariant } from '../variant.ts';
import { startCloneSet } from './clone-set.ts';

export const DEFAULT_CLONES = 2;

export const clonesVariants = {
  session: ['redis', 'memory'],
  affinity: ['none', 'sticky'],
  balancer: balancerPreferences,
} as const;

export async function startClonesTarget(options: TargetStartOptions): Promise<RunningTarget> {
  const variant = resolveVariant(clonesTarget, options.variant);
  const env: Record<string, string | undefined> = {
    REDIS_PREFIX: `sb:clones:${randomBytes(4).toString('hex')}:`,
    ...options.env,
    FEATURES: 'shop',
    SESSION: variant.session,
  };
  let onStop: (() => Promise<void>) | undefined;
  if (variant.session === 'redis') {
    const redis = await resolveService('redis', { env: { ...process.env, ...options.env } });
    env.REDIS_URL = redis.url;
    const prefix = env.REDIS_PREFIX!;
    onStop = async () => {
      await removeKeysWithPrefix(redis.url, prefix).catch(() => undefined);
      await redis.stop();
    };
  }
  return startCloneSet({
    experiment: 'clones',
    clones: options.clones ?? DEFAULT_CLONES,
    env,
    affinity: variant.affinity as Affinity,
    balancer: variant.balancer as BalancerPreference,
    logDir: options.logDir,
    ...(options.server ? { server: options.server } : {}),
    ...(onStop ? { onStop } : {}),
  });
}

export const clonesTarget: TargetDefinition = {
  name: 'clones',
  description:
    'N shop clones behind a real load balancer (HAProxy, nginx or built-in): sessions in Redis (stateless) or in memory, optional sticky-cookie affinity',
  variants: clonesVariants,
  services: (variant) => (variant.session === 'redis' ? ['redis'] : []),
  start: startClonesTarget,
};
