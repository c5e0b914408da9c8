/**
 * Capacity search: step the arrival rate up until the SLO (p99 and error rate) breaks; the answer is the
 * highest rate that held. Each step is a short open-model run against the same target; the first one is
 * preceded by a warm-up, so the generator's and the target's cold start do not count as a breach. When
 * every step up to maxRate held, the SLO never broke: the answer is then only a floor (capped).
 */
import type { ExperimentDefinition } from '../../scenarios/types.ts';
import type { RunningTarget } from '../../targets/target.ts';
import { runLoad } from '../engine/run-load.ts';
import { resolveFlowRef } from './run-trial.ts';

export const DEFAULT_CAPACITY_WARMUP = '1s';

export interface CapacityStep {
  rate: number;
  p99Ms: number;
  errorRate: number;
  ok: boolean;
}

export interface CapacityResult {
  /** the highest step rate that held the SLO; null when the first step broke it (or none ran) */
  capacity: number | null;
  /**
   * true when the search ran out of steps with the SLO still held, so the true capacity is at least
   * `capacity`; false when a step broke the SLO or the search was aborted
   */
  capped: boolean;
}

export interface CapacityHooks {
  signal?: AbortSignal;
  onStep?: (step: CapacityStep) => void;
}

export async function findCapacity(
  target: RunningTarget,
  experiment: ExperimentDefinition,
  baseDir: string,
  hooks: CapacityHooks = {},
): Promise<CapacityResult | null> {
  const search = experiment.capacity;
  if (!search) return null;
  let best: number | null = null;
  for (let rate = search.startRate; rate <= search.maxRate && !hooks.signal?.aborted; rate += search.step) {
    const outcome = await runLoad(
      {
        baseUrl: target.url,
        executor: {
          executor: 'constant-arrival-rate',
          rate,
          duration: search.stepDuration,
          maxVUs: rate * 10,
        },
        ...(rate === search.startRate ? { warmup: search.warmup ?? DEFAULT_CAPACITY_WARMUP } : {}),
        flow: resolveFlowRef(experiment.flow, baseDir),
        flowParams: experiment.flowParams ?? {},
        ...(experiment.timeout === undefined ? {} : { timeout: experiment.timeout }),
        ...(experiment.saturation === undefined ? {} : { saturation: experiment.saturation }),
      },
      { ...(hooks.signal ? { signal: hooks.signal } : {}) },
    );
    const { summary } = outcome;
    const errorRate = summary.requests === 0 ? 1 : summary.errors / summary.requests;
    const ok =
      summary.valid &&
      summary.droppedIterations === 0 &&
      summary.latency.response.p99 <= search.slo.p99Ms &&
      errorRate <= search.slo.errorRate;
    hooks.onStep?.({ rate, p99Ms: summary.latency.response.p99, errorRate, ok });
    if (!ok) return { capacity: best, capped: false };
    best = rate;
  }
  // every step that ran held: the search reached maxRate, unless it was aborted on the way
  return { capacity: best, capped: best !== null && !hooks.signal?.aborted };
}
