/**
 * Reads the run-wide job figures of an async target from its web process's `GET /work/stats`: jobs
 * accepted / completed / duplicated / retried, pending, the queue depth now, and which worker is busy
 * with which job. They live in Redis, so they are right even after a worker was killed.
 */
import { request } from 'undici';
import type { StoreStats } from '../app/work/store.ts';

/** What `GET /work/stats` answers (targets/app/work/feature.ts): the job store's tallies and more. */
export interface WorkStats extends StoreStats {
  work: 'sync' | 'queued' | 'prerendered';
  queue: 'bullmq' | 'rabbitmq' | null;
  /** accepted − completed */
  pending: number;
  queueDepth: number;
}

export async function readWorkStats(baseUrl: string, timeoutMs = 2000): Promise<WorkStats> {
  const response = await request(new URL('/work/stats', baseUrl), {
    method: 'GET',
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const text = await response.body.text();
  if (response.statusCode !== 200) throw new Error(`${baseUrl}/work/stats answered ${response.statusCode}`);
  return JSON.parse(text) as WorkStats;
}

/** the figures as target counters: jobsAccepted, jobsCompleted, jobsDuplicated, jobsRetried, ... */
export function statsToCounters(stats: WorkStats): Record<string, number> {
  return {
    jobsAccepted: stats.accepted,
    jobsCompleted: stats.completed,
    jobsDuplicated: stats.duplicated,
    jobsRetried: stats.retried,
    jobsPending: stats.pending,
    queueDepth: stats.queueDepth,
    workersBusy: Object.keys(stats.busy).length,
  };
}
