/**
 * A queue worker in a process: opens the job store and the configured queue backend, registers itself
 * (worker id → boot token, so a starter can tell this start from an earlier one), takes jobs one at a
 * time and stores their results. `close()` stops taking jobs and waits for the one in progress.
 */
import type { AppConfig } from '../config.ts';
import { openQueueBackend } from './open-queue.ts';
import { processJob } from './process-job.ts';
import { makeWorkFunction, type WorkFunction } from './render.ts';
import { JobStore } from './store.ts';

export interface RunningWorker {
  id: string;
  /** jobs this worker completed / saw as duplicates since it started */
  tally: { done: number; duplicate: number };
  close(): Promise<void>;
}

export interface WorkerOptions {
  /** token stored with the registration; default: the pid */
  boot?: string;
  work?: WorkFunction;
}

export async function startWorker(config: AppConfig, options: WorkerOptions = {}): Promise<RunningWorker> {
  const id = config.INSTANCE_ID;
  const store = new JobStore(config.REDIS_URL, config.REDIS_PREFIX);
  const backend = await openQueueBackend(config);
  const work = options.work ?? makeWorkFunction(config.WORK_COST_MS);
  const tally = { done: 0, duplicate: 0 };
  // register first: registering clears a busy mark left by an earlier incarnation of this worker id
  await store.registerWorker(id, options.boot ?? String(process.pid));
  await backend.consume(async (message) => {
    const outcome = await processJob(store, work, id, message);
    tally[outcome] += 1;
  });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await backend.close();
      await store.unregisterWorker(id).catch(() => {});
      await store.close();
    })();
    return closing;
  };
  return { id, tally, close };
}
