/**
 * A capacity search compiled before anything starts: its rates and SLO as declared, its step length in
 * ms, and the load every step runs (warm-up, timeout, graceful stop, flow and its parameters) as a
 * template; capacity.ts sets each step's rate, length and VU pool on the running target.
 */

import { compileDuration, compileExecutor, compileLoadTemplate } from '../../load-model/plan/compile-plan.ts';
import type { LoadPlan, LoadTemplate } from '../../load-model/plan/load-plan.ts';
import type { ExecutorConfig, FlowRef } from '../../load-model/types.ts';
import type { Validation } from '../../load-model/validate.ts';
import type { CapacitySearch, ExperimentDefinition } from '../../scenarios/types.ts';

/** a step's warm-up when the search declares none */
export const DEFAULT_CAPACITY_WARMUP = '500ms';
/**
 * Before its first step the search warms a freshly started target (JIT, connection pools, caches) at half
 * its start rate for this long, left out of every figure: a cold target broke the object cache's first
 * step at 100/s (p99 2.0 s) that held at 126/s once warm, and the search never climbed back past it.
 */
export const TARGET_WARMUP_MS = 3_000;
/** how long a step's iterations may run past its end: GRACE_SLOS times the SLO's p99 */
const GRACE_SLOS = 5;
export const graceMs = (search: Pick<CapacitySearch, 'slo'>) => GRACE_SLOS * search.slo.p99Ms;

export interface CapacityPlan {
  /** the search's rates, resolution, SLO and confirmations as the experiment declares them */
  search: Omit<CapacitySearch, 'stepDuration' | 'warmup'>;
  /** where this variant's search starts: its capacityStartRate, else the experiment's startRate */
  startRate: number;
  /** the step length the experiment declares: a step measures at least this (step-length.ts) */
  stepMs: number;
  /** the load of a step (here at the start rate and declared length) */
  step: LoadTemplate;
}

/** virtual users a step may need: the arrivals in flight when each waits up to the SLO's p99, twice over */
export function stepVus(rate: number, search: Pick<CapacitySearch, 'slo'>): number {
  return Math.ceil((rate * search.slo.p99Ms * 2) / 1000) + 20;
}

function stepExecutor(rate: number, lengthMs: number, search: Pick<CapacitySearch, 'slo'>): ExecutorConfig {
  return { executor: 'constant-arrival-rate', rate, duration: lengthMs, maxVUs: stepVus(rate, search) };
}

/** The load of one step at `rate` for `lengthMs` against the running target at `baseUrl`. */
export function stepPlan(capacity: CapacityPlan, baseUrl: string, rate: number, lengthMs: number): LoadPlan {
  return {
    ...capacity.step,
    baseUrl,
    executor: compileExecutor(stepExecutor(rate, lengthMs, capacity.search)),
  };
}

/**
 * The experiment's capacity search compiled (every problem with its path under `where`); `flow` is its
 * flow as resolved for this run. Its start rate is the experiment's: a variant sets its own.
 */
export function compileCapacity(
  experiment: Pick<ExperimentDefinition, 'flowParams' | 'timeout' | 'saturation'>,
  declared: CapacitySearch,
  flow: FlowRef,
  where: string,
): Validation<CapacityPlan> {
  const { stepDuration, warmup, ...search } = declared;
  const stepMs = compileDuration(stepDuration, `${where}: capacity.stepDuration`);
  if (!stepMs.ok) return stepMs;
  const step = compileLoadTemplate({
    executor: stepExecutor(search.startRate, stepMs.value, search),
    warmup: warmup ?? DEFAULT_CAPACITY_WARMUP,
    flow,
    flowParams: { ...experiment.flowParams, ...search.flowParams },
    ...(experiment.timeout === undefined ? {} : { timeout: experiment.timeout }),
    // a step's iterations get a few SLOs' worth of time to finish after its end, not the request
    // timeout: one still running then (a flow makes a few requests) is far past the SLO, so waiting
    // longer could only confirm a broken step, and an overloaded target's backlog takes seconds
    gracefulStop: graceMs(search),
    ...(experiment.saturation === undefined ? {} : { saturation: experiment.saturation }),
  });
  if (!step.ok) return { ok: false, errors: step.errors.map((error) => `${where}: capacity: ${error}`) };
  return { ok: true, value: { search, startRate: search.startRate, stepMs: stepMs.value, step: step.value } };
}
