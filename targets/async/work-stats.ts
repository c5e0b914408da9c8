/**
 * Reads the run-wide job figures of an async target from its web process's `GET /work/stats`: jobs
 * accepted / completed / duplicated / retried, pending, the queue depth now, and which worker is busy
 * with which job. They live in Redis, so they are right even after a worker was killed.
 */
import { request } from 'undici';

export interface WorkStats {
  work: 'sync' | 'queued' | 'prerendered';
  queue: 'bullmq' | 'rabbitmq' | null;
  accepted: number;
  completed: number;
  duplicated: number;
  retried: number;
  /** accepted − completed */
  pending: number;
  queueDepth: number;
  /** worker id → job id it is working on */
  busy: Record<string, string>;
  /** worker id → boot token of its latest start */
  workers: Record<string, string>;
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
