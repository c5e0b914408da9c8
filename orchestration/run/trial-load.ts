/**
 * A variant's trial load as compiled (compile-suite.ts): its length for the plan line and the live views
 * that draw a trial's whole time axis from its start, and its arrival rate, declared or replaced by the
 * rate the experiment's variants are compared at (comparison-rate.ts).
 */
import type { LoadSchedule, LoadTemplate } from '../../load-model/plan/load-plan.ts';
import { buildProfile } from '../../load-model/plan/profile.ts';

/** warm-up and the whole trial (warm-up and measured part), in seconds */
export function trialLength(load: LoadSchedule): { warmupSeconds: number; seconds: number } {
  return {
    warmupSeconds: load.warmupMs / 1000,
    seconds: buildProfile(load.executor, load.warmupMs).totalMs / 1000,
  };
}

/** the load's declared arrival rate; null for an executor without one rate (ramps, closed models) */
export function declaredRate(load: LoadSchedule): number | null {
  return load.executor.executor === 'constant-arrival-rate' ? load.executor.rate : null;
}

/** The load at another arrival rate; an executor without one rate runs as declared. */
export function atRate(load: LoadTemplate, rate: number | undefined): LoadTemplate {
  if (rate === undefined || load.executor.executor !== 'constant-arrival-rate') return load;
  return { ...load, executor: { ...load.executor, rate } };
}
