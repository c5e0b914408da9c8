/**
 * Feature `work`: `POST /work` does the CPU-heavy job the way WORK says — sync (in the request),
 * queued (store a pending job, enqueue it, answer 202 at once: the accept path never calls the work
 * function), prerendered (serve the result a build step stored) — and `GET /jobs/:id` answers
 * pending/done with the job's timestamps. `GET /work/stats` gives the run-wide job tallies and queue
 * depth; /metrics carries this process's counters (workExecutedTotal, jobsAcceptedTotal, queueDepth).
 */
import { randomUUID } from 'node:crypto';
import type { Feature, FeatureContext, FeatureFactory } from '../feature.ts';
import { type AppResponse, HttpError, type Router } from '../router.ts';
import { JobNotifier } from './job-notifier.ts';
import { JobPush } from './job-push.ts';
import { openQueueBackend } from './open-queue.ts';
import type { QueueBackend } from './queue.ts';
import { makeWorkFunction, type WorkFunction } from './render.ts';
import { JobStore } from './store.ts';

const MAX_INPUT_LENGTH = 1000;
const DEPTH_POLL_MS = 500;

export interface WorkFeatureDeps {
  /** the work function (default: renderReport at WORK_COST_MS, counted in workExecutedTotal) */
  work?: WorkFunction;
}

function readInput(body: unknown): string {
  const input = (body as { input?: unknown } | undefined)?.input;
  if (typeof input !== 'string' || input === '' || input.length > MAX_INPUT_LENGTH) {
    throw new HttpError(400, `body must be {"input": "<1..${MAX_INPUT_LENGTH} characters>"}`);
  }
  return input;
}

interface WorkModeDeps {
  ctx: FeatureContext;
  store: JobStore;
  backend: QueueBackend | undefined;
  work: WorkFunction;
}

type WorkMode = (input: string) => Promise<AppResponse> | AppResponse;

/** What POST /work does under each WORK: run the work, queue it (202 at once), or serve it prerendered. */
function workModes({
  ctx,
  store,
  backend,
  work,
}: WorkModeDeps): Record<FeatureContext['config']['WORK'], WorkMode> {
  const { counters } = ctx;
  const accept = async (input: string): Promise<AppResponse> => {
    const jobId = randomUUID();
    await store.accept(jobId, input);
    await backend!.enqueue({ jobId, input });
    counters.inc('jobsAcceptedTotal');
    return { status: 202, json: { jobId, status: 'pending' }, headers: { location: `/jobs/${jobId}` } };
  };

  const serveStored = async (input: string): Promise<AppResponse> => {
    const result = await store.getPrerendered(input);
    if (result === undefined) {
      counters.inc('prerenderedMissesTotal');
      throw new HttpError(404, `'${input}' was not prerendered (the build step renders report-0 … report-N)`);
    }
    counters.inc('prerenderedServedTotal');
    return { status: 200, json: { status: 'done', result } };
  };

  return {
    sync: (input) => ({ status: 200, json: { status: 'done', result: work(input) } }),
    queued: accept,
    prerendered: serveStored,
  };
}

export async function buildWorkFeature(ctx: FeatureContext, deps: WorkFeatureDeps = {}): Promise<Feature> {
  const { config, counters } = ctx;
  const store = new JobStore(config.REDIS_URL, config.REDIS_PREFIX);
  const work = deps.work ?? makeWorkFunction(config.WORK_COST_MS, () => counters.inc('workExecutedTotal'));
  const backend: QueueBackend | undefined =
    config.WORK === 'queued' ? await openQueueBackend(config) : undefined;
  const depthTimer = backend ? pollDepth(backend, ctx) : undefined;
  // queued work can tell the user it is done: an event stream or a WebSocket per job
  const notifier = backend ? new JobNotifier(store) : undefined;
  await notifier?.start();
  const push = notifier ? new JobPush(notifier, counters) : undefined;

  const modes = workModes({ ctx, store, backend, work });

  return {
    register(router: Router) {
      router.post('/work', (req) => modes[config.WORK](readInput(req.body)));
      router.get('/jobs/:id', async (req) => {
        const job = await store.get(req.params.id ?? '');
        if (!job) throw new HttpError(404, `no job ${req.params.id}`);
        return { status: 200, json: job };
      });
      router.get('/jobs/:id/events', (req) => {
        if (!push) throw new HttpError(404, 'job events exist for queued work only (WORK=queued)');
        return push.events(req.params.id ?? '');
      });
      router.get('/work/stats', async () => {
        const stats = await store.stats();
        const queueDepth = backend ? await backend.depth() : 0;
        const pending = stats.accepted - stats.completed;
        return {
          status: 200,
          json: { work: config.WORK, queue: backend?.name ?? null, ...stats, pending, queueDepth },
        };
      });
    },
    upgrade: (req, socket, head) => push?.upgrade(req, socket, head) ?? false,
    async ready() {
      await store.redis.ping();
      if (backend) await backend.depth();
    },
    async close() {
      if (depthTimer) clearInterval(depthTimer);
      push?.close();
      await notifier?.close();
      await backend?.close();
      await store.close();
    },
  };
}

/** keeps the queueDepth gauge of /metrics fresh (the report's backlog chart samples it) */
function pollDepth(backend: QueueBackend, ctx: FeatureContext): NodeJS.Timeout {
  const timer = setInterval(() => {
    backend.depth().then(
      (depth) => ctx.counters.set('queueDepth', depth),
      () => {},
    );
  }, DEPTH_POLL_MS);
  timer.unref();
  return timer;
}

export const createWorkFeature: FeatureFactory = (ctx) => buildWorkFeature(ctx);
