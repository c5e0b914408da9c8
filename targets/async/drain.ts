/**
 * After the load stops, waits until every accepted job is completed (or the time is up) and tells how
 * many were lost: accepted but never completed after the drain. Jobs done twice are reported apart.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningTarget } from '../target.ts';

export interface DrainResult {
  /** true when completed caught up with accepted before the deadline */
  drained: boolean;
  accepted: number;
  completed: number;
  /** accepted − completed at the end of the drain */
  lost: number;
  duplicated: number;
  retried: number;
  waitedMs: number;
}

export interface DrainOptions {
  timeoutMs?: number;
  pollMs?: number;
  signal?: AbortSignal;
}

export async function waitForDrain(target: RunningTarget, options: DrainOptions = {}): Promise<DrainResult> {
  const started = Date.now();
  const deadline = started + (options.timeoutMs ?? 30_000);
  for (;;) {
    const counters = await target.counters();
    const accepted = counters.jobsAccepted ?? 0;
    const completed = counters.jobsCompleted ?? 0;
    const done = completed >= accepted;
    if (done || Date.now() >= deadline || options.signal?.aborted) {
      return {
        drained: done,
        accepted,
        completed,
        lost: Math.max(0, accepted - completed),
        duplicated: counters.jobsDuplicated ?? 0,
        retried: counters.jobsRetried ?? 0,
        waitedMs: Date.now() - started,
      };
    }
    await sleep(options.pollMs ?? 200);
  }
}

/**
 * A drain as correctness figures in one unit, jobs the target accepted (warm-up included): accepted,
 * lost, duplicated and retried since `since` (the counters when the trial started), so a trial does not
 * carry the figures of the ones before it.
 */
export function jobFigures(drain: DrainResult, since: Record<string, number> = {}): Record<string, number> {
  const lostBefore = Math.max(0, (since.jobsAccepted ?? 0) - (since.jobsCompleted ?? 0));
  return {
    jobsAccepted: Math.max(0, drain.accepted - (since.jobsAccepted ?? 0)),
    jobsLost: Math.max(0, drain.lost - lostBefore),
    jobsDuplicated: Math.max(0, drain.duplicated - (since.jobsDuplicated ?? 0)),
    jobsRetried: Math.max(0, drain.retried - (since.jobsRetried ?? 0)),
  };
}
