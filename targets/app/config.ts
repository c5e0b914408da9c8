/**
 * The knobs of the reference app, read from environment variables so the same code runs as a local
 * process, a container or a pod. Every variant of every experiment is a value here, not a copy of code.
 */
import { z } from 'zod';
import { ScalebenchError } from '../../core/errors.ts';

export const appConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  INSTANCE_ID: z.string().default(`app-${process.pid}`),
  SESSION: z.enum(['memory', 'redis']).default('redis'),
  CACHE: z.enum(['none', 'query', 'object']).default('none'),
  CACHE_TTL_SECONDS: z.coerce.number().positive().default(30),
  WORK: z.enum(['sync', 'queued', 'prerendered']).default('sync'),
  WORK_COST_MS: z.coerce.number().nonnegative().default(100),
  QUEUE: z.enum(['bullmq', 'rabbitmq']).default('bullmq'),
  QUEUE_NAME: z.string().default('scalebench-work'),
  DB: z.enum(['normalized', 'denormalized', 'replica']).default('normalized'),
  /** DB=replica: reads on the replica only, or spread round-robin over the replica and the primary */
  DB_READS: z.enum(['replica', 'spread']).default('replica'),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z.string().default('sb:'),
  DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/scalebench'),
  DATABASE_REPLICA_URL: z.string().optional(),
  AMQP_URL: z.string().default('amqp://guest:guest@127.0.0.1:5672'),
  PG_POOL_MAX: z.coerce.number().int().positive().default(10),
  /** CPU milliseconds GET /cart spends rendering the cart page (0: none) */
  PAGE_COST_MS: z.coerce.number().nonnegative().default(0),
  /** the worker-pool server model: at most this many requests in progress at once (unset: no limit) */
  SERVER_WORKERS: z.coerce.number().int().positive().optional(),
  /** the cpu-governor server model: the process holds itself to this many CPUs once it is ready */
  SERVER_CPUS: z.coerce.number().min(0.05).max(64).optional(),
  /** which route groups to mount: comma list of shop, work, orders (default: all) */
  FEATURES: z.string().default('shop,work,orders'),
});

export type AppConfig = z.infer<typeof appConfigSchema>;

/** Parses the environment into a config, listing every bad variable at once. */
export function readAppConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = appConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new ScalebenchError('SB_ERR_INVALID_CONFIG', `bad target configuration: ${problems.join('; ')}`, {
    hint: 'see targets/app/config.ts for the accepted values',
  });
}
