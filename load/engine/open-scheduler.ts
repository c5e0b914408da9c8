/**
 * The open model's loop: launches every arrival whose intended time has come, each on a free VU
 * (or counts it dropped), then waits for the next one. It never waits for responses, so a slow
 * target cannot slow the schedule (no coordinated omission). Nothing queues: an arrival with no free
 * VU is dropped at once, with every other arrival already due (k6's dropped_iterations), so memory
 * stays bounded by the VU pool whatever the rate. The loop yields to the event loop after a burst of
 * launches and after each drop, so signals, timers and responses are served even when the schedule
 * is hopelessly behind.
 */

import type { Clock } from './clock.ts';
import type { InFlight } from './in-flight.ts';
import type { Pacer } from './pacer.ts';
import type { IterationRunner } from './vu-pool.ts';

export interface OpenSchedulerOptions {
  pacer: Pacer;
  clock: Clock;
  /** clock time of offset 0 */
  startAt: number;
  acquire(): IterationRunner | null;
  release(vu: IterationRunner): void;
  onDropped(intendedAt: number): void;
  inFlight: InFlight;
  signal?: AbortSignal;
}

/** Launches in a row without giving the event loop a turn (a behind schedule launches in bursts). */
export const MAX_LAUNCH_BURST = 256;

/** Runs the schedule to its end (or until aborted); returns the offset (ms) at which it stopped. */
export async function runOpenSchedule(options: OpenSchedulerOptions): Promise<number> {
  const { pacer, clock, startAt, inFlight, signal } = options;
  let next = pacer.next();
  let burst = 0;
  while (next !== null) {
    if (signal?.aborted) return clock.now() - startAt;
    const now = clock.now() - startAt;
    if (next > now) {
      burst = 0;
      await clock.wait(next - now);
      continue;
    }
    const vu = options.acquire();
    if (vu) {
      inFlight.track(launch(vu, startAt + next, options.release));
      next = pacer.next();
      burst += 1;
      if (burst < MAX_LAUNCH_BURST) continue;
    } else {
      next = dropDue(options, next, now);
    }
    burst = 0;
    await clock.wait(0);
  }
  return clock.now() - startAt;
}

/** Drops `first` and every later arrival due by `now`; returns the first arrival not yet due. */
function dropDue(options: OpenSchedulerOptions, first: number, now: number): number | null {
  let next: number | null = first;
  while (next !== null && next <= now) {
    options.onDropped(options.startAt + next);
    next = options.pacer.next();
  }
  return next;
}

async function launch(vu: IterationRunner, intendedAt: number, release: (vu: IterationRunner) => void) {
  try {
    await vu.runIteration(intendedAt);
  } finally {
    release(vu);
  }
}
