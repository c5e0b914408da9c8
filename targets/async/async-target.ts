/**
 * The `async` target: one web process with the `work` feature and, for work=queued, N worker
 * processes on BullMQ or RabbitMQ. Each start gets its own Redis prefix and queue name (unless the env
 * names them), removed again on stop. work=prerendered runs the build step before the web process
 * starts. kill('worker', i) waits (briefly) until that worker is busy, so the SIGKILL lands mid-job.
 * Redis (and RabbitMQ for queue=rabbitmq) come from resolveService: a private Redis where none answers.
 */
import { randomBytes } from 'node:crypto';
import { onCleanup } from '../../core/cleanup.ts';
import { ScalebenchError } from '../../core/errors.ts';
import { type AppConfig, readAppConfig } from '../app/config.ts';
import { removeKeysWithPrefix } from '../app/redis-keys.ts';
import { openQueueBackend } from '../app/work/open-queue.ts';
import { DEFAULT_PRERENDER_COUNT, prerender, prerenderInputs } from '../app/work/prerender.ts';
import { JobStore } from '../app/work/store.ts';
import { spawnApp } from '../process/app-process.ts';
import { Fleet } from '../process/fleet.ts';
import { resolveService } from '../services/resolve.ts';
import type { ResolvedService, ServiceName } from '../services/service.ts';
import type { RunningTarget, TargetDefinition, TargetStartOptions } from '../target.ts';
import { resolveVariant } from '../variant.ts';
import { jobFigures, waitForDrain } from './drain.ts';
import { killMidJob } from './kill-mid-job.ts';
import { readWorkStats, statsToCounters } from './work-stats.ts';

export const asyncVariants = {
  work: ['sync', 'queued', 'prerendered'],
  queue: ['bullmq', 'rabbitmq'],
} as const;

export const DEFAULT_WORKERS = 2;
/** how long kill('worker', i) waits for the worker to be mid-job before it kills anyway */
const BUSY_WAIT_MS = 3000;
/** how long settle() waits for the queue to drain after the load stops */
const DRAIN_TIMEOUT_MS = 60_000;

interface RunEnv {
  env: Record<string, string | undefined>;
  /** whether this start made up the Redis prefix / queue name (and so removes them on stop) */
  ownsPrefix: boolean;
  ownsQueue: boolean;
}

/** the app environment of this start: the variant, a run-scoped prefix and queue, caller overrides */
function runEnv(options: TargetStartOptions, work: string, queue: string): RunEnv {
  const run = randomBytes(4).toString('hex');
  const given = options.env ?? {};
  return {
    env: {
      REDIS_PREFIX: `sb:async:${run}:`,
      QUEUE_NAME: `scalebench-work-${run}`,
      ...given,
      FEATURES: 'work',
      WORK: work,
      QUEUE: queue,
    },
    ownsPrefix: given.REDIS_PREFIX === undefined,
    ownsQueue: given.QUEUE_NAME === undefined && work === 'queued',
  };
}

function asyncServices(variant: Record<string, string>): ServiceName[] {
  return variant.work === 'queued' && variant.queue === 'rabbitmq' ? ['redis', 'rabbitmq'] : ['redis'];
}

/** Redis and, when queued on it, RabbitMQ: found or started before any process, stopped on failure */
async function resolveAsyncServices(
  variant: Record<string, string>,
  env: Record<string, string | undefined>,
): Promise<ResolvedService[]> {
  const resolved: ResolvedService[] = [];
  try {
    for (const name of asyncServices(variant)) resolved.push(await resolveService(name, { env }));
  } catch (error: unknown) {
    for (const service of resolved) await service.stop();
    throw error;
  }
  return resolved;
}

export async function startAsyncTarget(options: TargetStartOptions): Promise<RunningTarget> {
  const variant = resolveVariant(asyncTarget, options.variant);
  const { work, queue } = variant as { work: string; queue: string };
  const services = await resolveAsyncServices(variant, { ...process.env, ...options.env });
  const stopServices = async () => {
    for (const service of services) await service.stop();
  };
  const urlVars: Record<string, string> = Object.fromEntries(
    services.map((service) => [service.name === 'redis' ? 'REDIS_URL' : 'AMQP_URL', service.url]),
  );
  const run = runEnv({ ...options, env: { ...options.env, ...urlVars } }, work, queue);
  const env = run.env;
  const config = readAppConfig({ ...process.env, ...env });
  const removeRunData = onCleanup(`remove async run data ${config.REDIS_PREFIX}`, () =>
    removeRunDataNow(config, run),
  );
  const fleet = new Fleet();
  try {
    await launch(fleet, options, work, config, env);
  } catch (error: unknown) {
    await fleet.stop();
    await removeRunData();
    await stopServices();
    throw error;
  }
  const url = fleet.get('clone', 0).url!;
  const target: RunningTarget = {
    experiment: 'async',
    url,
    balancer: null,
    instances: () => fleet.instances(),
    async kill(kind, index) {
      if (kind === 'worker') {
        await killMidJob(url, fleet.get('worker', index), () => fleet.kill(kind, index), BUSY_WAIT_MS);
      } else await fleet.kill(kind, index);
    },
    restart: (kind, index) => fleet.restart(kind, index),
    async counters() {
      const own = await fleet.counters();
      return { ...own, ...statsToCounters(await readWorkStats(url)) };
    },
    /** waits for the queue to drain: jobs accepted but never completed by then are lost */
    async settle(signal, since) {
      const drain = await waitForDrain(target, {
        timeoutMs: DRAIN_TIMEOUT_MS,
        ...(signal ? { signal } : {}),
      });
      return jobFigures(drain, since);
    },
    async stop() {
      await fleet.stop();
      await removeRunData();
      await stopServices();
    },
  };
  return target;
}

/** the build step (work=prerendered), one web clone, and the queue workers (work=queued) */
async function launch(
  fleet: Fleet,
  options: TargetStartOptions,
  work: string,
  config: AppConfig,
  env: Record<string, string | undefined>,
): Promise<void> {
  const sized = options.server ? { server: options.server } : {};
  if (work === 'prerendered')
    await runBuildStep(config, Number(env.PRERENDER_COUNT ?? DEFAULT_PRERENDER_COUNT));
  await fleet.launch('clone', 1, (index, port) =>
    spawnApp({ id: `web-${index}`, logDir: options.logDir, env, ...(port ? { port } : {}), ...sized }),
  );
  if (work !== 'queued') return;
  await fleet.launch('worker', options.workers ?? DEFAULT_WORKERS, (index) =>
    spawnApp({
      id: `worker-${index}`,
      logDir: options.logDir,
      env,
      entry: 'targets/app/worker.ts',
      readyWhen: new RegExp(`worker ready worker-${index}\\b`),
      ...sized,
    }),
  );
}

/** the build step of work=prerendered: renders the catalogue into the store before the app serves */
async function runBuildStep(config: AppConfig, count: number): Promise<void> {
  const store = new JobStore(config.REDIS_URL, config.REDIS_PREFIX);
  try {
    await prerender(store, prerenderInputs(count), config.WORK_COST_MS);
  } catch (error: unknown) {
    throw new ScalebenchError('SB_ERR_SERVICE_UNAVAILABLE', `prerender build step failed: ${String(error)}`, {
      hint: `is Redis up at ${config.REDIS_URL}? (scalebench doctor)`,
    });
  } finally {
    await store.close();
  }
}

/** deletes the run's Redis keys (job store and BullMQ) and its RabbitMQ queue, if this start made them up */
async function removeRunDataNow(config: AppConfig, run: RunEnv): Promise<void> {
  if (run.ownsPrefix) {
    await removeKeysWithPrefix(config.REDIS_URL, config.REDIS_PREFIX);
  }
  if (run.ownsQueue && config.QUEUE === 'rabbitmq') {
    const backend = await openQueueBackend(config);
    try {
      await backend.destroy();
    } finally {
      await backend.close();
    }
  }
}

export const asyncTarget: TargetDefinition = {
  name: 'async',
  description:
    'CPU-heavy report rendering done in the request (work=sync), queued to N worker processes on BullMQ or RabbitMQ (work=queued, queue=bullmq|rabbitmq), or prerendered by a build step (work=prerendered)',
  variants: asyncVariants,
  services: asyncServices,
  start: startAsyncTarget,
};
