/**
 * The closed model's loop (k6 constant-vus / ramping-vus): the VU count follows the profile; each VU
 * starts its next iteration as soon as the previous one ends, unless it failed at once: then the VU
 * backs off (fast-fail-backoff.ts) instead of spinning. VUs above the current target finish their
 * iteration and stop.
 */
import { levelAt, type Profile } from '../../load-model/plan/profile.ts';
import type { Clock } from './clock.ts';
import { FastFailBackoff } from './fast-fail-backoff.ts';
import type { InFlight } from './in-flight.ts';
import type { IterationRunner } from './vu-pool.ts';

export interface ClosedSchedulerOptions {
  profile: Profile;
  clock: Clock;
  startAt: number;
  createVu(id: number): IterationRunner;
  inFlight: InFlight;
  signal?: AbortSignal;
  /** how often the VU target is re-read (default 100 ms) */
  controlEveryMs?: number;
  /** hears of each iteration that failed at once, as its VU backs off (clock time) */
  onFastFail?: (at: number) => void;
}

/** VUs started in a row without giving the event loop a turn. */
export const MAX_START_BURST = 256;

export async function runClosedSchedule(options: ClosedSchedulerOptions): Promise<number> {
  const { profile, clock, startAt, signal } = options;
  const vus: IterationRunner[] = [];
  let target = 0;
  let stopped = false;
  const now = () => clock.now();
  // a VU backing off wakes when the run ends or is aborted, not a second after
  let end: () => void = () => {};
  const ended = new Promise<void>((resolve) => {
    end = resolve;
  });
  signal?.addEventListener('abort', () => end(), { once: true });
  const pause = (ms: number) =>
    Promise.race([clock.wait(Math.min(ms, profile.totalMs - (clock.now() - startAt))), ended]);
  const loop = async (index: number, vu: IterationRunner) => {
    // the signal too: an iteration that fails at once never yields to the timer that would stop it
    const more = () => !stopped && index < target && !signal?.aborted;
    if (vu.runLoop) return vu.runLoop(more, now);
    const backoff = new FastFailBackoff(clock);
    while (more()) {
      backoff.started();
      const wait = backoff.pauseAfter((await vu.runIteration(now())) === 'failed');
      if (wait === 0 || !more()) continue;
      options.onFastFail?.(now());
      await pause(wait);
    }
  };
  const running = new Set<number>();
  for (;;) {
    const offset = clock.now() - startAt;
    if (signal?.aborted || offset >= profile.totalMs) break;
    target = Math.floor(levelAt(profile, offset));
    let started = 0;
    for (let index = 0; index < target; index += 1) {
      if (running.has(index)) continue;
      vus[index] ??= options.createVu(index);
      running.add(index);
      options.inFlight.track(loop(index, vus[index]!).finally(() => running.delete(index)));
      // thousands of VUs connect at once: let the first answers and signals in between
      started += 1;
      if (started % MAX_START_BURST === 0) await clock.wait(0);
      if (signal?.aborted) break;
    }
    await clock.wait(Math.min(options.controlEveryMs ?? 100, profile.totalMs - offset));
  }
  stopped = true;
  target = 0;
  end();
  return clock.now() - startAt;
}
