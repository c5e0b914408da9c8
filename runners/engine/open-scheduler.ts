/**
 * The open model's loop: launches every arrival whose intended time has come, each on a free VU
 * (or counts it dropped), then waits for the next one. It never waits for responses, so a slow
 * target cannot slow the schedule (no coordinated omission).
 */
import type { Pacer } from '../load-models/pacer.ts';
import type { Clock } from './clock.ts';
import type { InFlight } from './in-flight.ts';
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

/** Runs the schedule to its end (or until aborted); returns the offset (ms) at which it stopped. */
export async function runOpenSchedule(options: OpenSchedulerOptions): Promise<number> {
  const { pacer, clock, startAt, inFlight, signal } = options;
  let next = pacer.next();
  while (next !== null) {
    if (signal?.aborted) return clock.now() - startAt;
    const now = clock.now() - startAt;
    if (next > now) {
      await clock.wait(next - now);
      continue;
    }
    const intendedAt = startAt + next;
    const vu = options.acquire();
    if (vu) inFlight.track(launch(vu, intendedAt, options.release));
    else options.onDropped(intendedAt);
    next = pacer.next();
  }
  return clock.now() - startAt;
}

async function launch(vu: IterationRunner, intendedAt: number, release: (vu: IterationRunner) => void) {
  try {
    await vu.runIteration(intendedAt);
  } finally {
    release(vu);
  }
}
