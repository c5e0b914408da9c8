/**
 * The engine's entry point: run a compiled load plan (in this thread or N worker threads), merge,
 * judge saturation. Everything else in scalebench drives load through runPlan, or through runLoad,
 * which compiles load options into a plan first (the edge for callers holding options).
 */
import { assertLoadPlan } from '../../load-model/plan/compile-plan.ts';
import { describePlan } from '../../load-model/plan/describe-plan.ts';
import type { LoadPlan } from '../../load-model/plan/load-plan.ts';
import type { LoadRunOptions } from '../../load-model/types.ts';
import { buildOutcome, type RunOutcome } from './build-outcome.ts';
import { type Clock, systemClock } from './clock.ts';
import { assertFeasible } from './feasibility.ts';
import { readOpenFileLimit } from './open-file-limit.ts';
import { type ProgressPoint, ProgressTracker } from './progress-point.ts';
import { runThread } from './run-thread.ts';
import { runWorkers } from './run-workers.ts';

export interface LoadHooks {
  /** abort to stop early: the outcome then covers what ran (interrupted: true) */
  signal?: AbortSignal;
  /** called once per finished second of the run (warm-up included), for progress and live charts */
  onSecond?: (point: ProgressPoint) => void;
  /** injected time; defaults to performance.now() */
  clock?: Clock;
  /**
   * hears the clock time (performance.now() unless a clock is injected) at which the schedule's offset 0
   * lies, once the client is ready: what the load's seconds count from, so faults can count from it too
   */
  onStart?: (startAt: number) => void;
}

/** Load options compiled (SB_ERR_INVALID_CONFIG with every problem when they are not valid), then run. */
export async function runLoad(input: LoadRunOptions, hooks: LoadHooks = {}): Promise<RunOutcome> {
  return runPlan(assertLoadPlan(input), hooks);
}

export async function runPlan(options: LoadPlan, hooks: LoadHooks = {}): Promise<RunOutcome> {
  assertFeasible(options, readOpenFileLimit());
  const clock = hooks.clock ?? systemClock;
  const plan = describePlan(options);
  const progress = new ProgressTracker(options, hooks.onSecond);
  const workers = options.workers;
  const report =
    workers > 1
      ? await runWorkers(options, workers, {
          signal: hooks.signal,
          onSecond: (point) => progress.add(point),
          ...(hooks.onStart ? { onStart: hooks.onStart } : {}),
        })
      : await runThread({
          options,
          executor: options.executor,
          clock,
          startAt: clock.now(),
          signal: hooks.signal,
          onSecond: (point) => progress.add(point),
          ...(hooks.onStart ? { onStart: hooks.onStart } : {}),
        });
  return buildOutcome(options, report, { interrupted: hooks.signal?.aborted ?? false, plan });
}
