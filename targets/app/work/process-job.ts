/**
 * What a worker does with one delivered job: mark it started (counting a retry when it is not the first
 * attempt), skip it when its result is already stored (a duplicate delivery), else do the work and store
 * the result. The queue acknowledges the job only after this resolves.
 */
import type { WorkFunction } from './render.ts';
import type { JobStore } from './store.ts';

export type JobOutcome = 'done' | 'duplicate';

export async function processJob(
  store: JobStore,
  work: WorkFunction,
  workerId: string,
  message: { jobId: string; input: string },
): Promise<JobOutcome> {
  const attempt = await store.begin(message.jobId, workerId);
  if (attempt < 0) return 'duplicate';
  const result = work(message.input);
  return (await store.finish(message.jobId, workerId, result)) ? 'done' : 'duplicate';
}
