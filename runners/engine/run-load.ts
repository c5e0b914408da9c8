/**
 * The engine's entry point: validate, describe, run (in this thread or N worker threads), merge,
 * judge saturation. Everything else in scalebench drives load through runLoad.
 */
import { ScalebenchError } from '../../core/errors.ts';
import type { LoadRunOptions } from '../../load-model/types.ts';
import { validateLoadOptions } from '../../load-model/validate.ts';
import { describePlan } from '../load-models/describe.ts';
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

/** Throws SB_ERR_INVALID_CONFIG with every problem when the options are not valid. */
export function assertLoadOptions(options: unknown): LoadRunOptions {
  const result = validateLoadOptions(options);
  if (!result.ok) {
    throw new ScalebenchError('SB_ERR_INVALID_CONFIG', `invalid load options: ${result.errors.join('; ')}`, {
      hint: 'fix every listed field; see describePlan() for what a valid plan looks like',
    });
  }
  return result.value;
}

export async function runLoad(input: LoadRunOptions, hooks: LoadHooks = {}): Promise<RunOutcome> {
  const options = assertLoadOptions(input);
  assertFeasible(options, readOpenFileLimit());
  const clock = hooks.clock ?? systemClock;
  const plan = describePlan(options);
  const progress = new ProgressTracker(options, hooks.onSecond);
  const workers = options.workers ?? 1;
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
