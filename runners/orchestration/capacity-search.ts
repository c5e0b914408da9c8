/**
 * The capacity search as a pure function over a `measure(rate)` callback: grow the rate geometrically
 * while the SLO holds, then bisect between the last rate that held and the first that broke, down to a
 * resolution. A marginal break is re-measured (`confirmBreaks` times) before it counts, so one stall of
 * a shared machine does not end the search early; a break by far counts at once. The knee is the lowest rate that broke the SLO (or the
 * highest that held when none broke); the host's idle share there says whether the answer is the
 * architecture's limit or this machine's (hostBound).
 */
import { DEFAULT_MIN_HOST_IDLE } from '../engine/host-guard.ts';

export interface CapacityProbe {
  ok: boolean;
  p99Ms: number;
  errorRate: number;
  /** host idle share during the step, null when unknown */
  hostIdle: number | null;
  /** cores the load generator used during the step */
  generatorCores: number;
  /** why the step broke the SLO, when it did */
  broken?: string;
  /**
   * false when the step broke the SLO by far (p99 over 1.5 times it, arrivals dropped, work unfinished):
   * such a break counts at once; a marginal one (or one not judged) is re-measured first
   */
  marginal?: boolean;
}

export interface CapacityStep extends CapacityProbe {
  rate: number;
}

export interface CapacitySearchPlan {
  startRate: number;
  maxRate: number;
  /** bisection stops when the gap is at most this many per second (and rates are multiples of it) */
  resolution: number;
  /** bisection also stops when the gap is at most this share of the rate that held (default 0.1) */
  precision?: number;
  /** rate multiplier while growing (default 2) */
  growth?: number;
  /** how many times a breaking step is re-measured before it counts (default 1) */
  confirmBreaks?: number;
  minHostIdle?: number;
}

export interface CapacitySearchResult {
  /** highest rate that held the SLO; null when none did */
  capacity: number | null;
  /** the search reached maxRate with the SLO held: capacity is a floor */
  capped: boolean;
  /** the step at the knee (see above); null when nothing ran */
  knee: CapacityStep | null;
  hostIdleAtKnee: number | null;
  /** the host had under minHostIdle idle CPU at the knee: the answer is this machine's limit */
  hostBound: boolean;
  steps: CapacityStep[];
}

export type MeasureRate = (rate: number) => Promise<CapacityProbe>;

export async function searchCapacity(
  plan: CapacitySearchPlan,
  measure: MeasureRate,
  signal?: AbortSignal,
): Promise<CapacitySearchResult> {
  const steps: CapacityStep[] = [];
  const probe = async (rate: number): Promise<CapacityStep> => {
    let step: CapacityStep = { rate, ...(await measure(rate)) };
    steps.push(step);
    const confirms = plan.confirmBreaks ?? 1;
    for (
      let retry = 0;
      !step.ok && step.marginal !== false && retry < confirms && !signal?.aborted;
      retry += 1
    ) {
      step = { rate, ...(await measure(rate)) };
      steps.push(step);
    }
    return step;
  };
  let held: CapacityStep | null = null;
  let broke: CapacityStep | null = null;
  for (let rate = plan.startRate; !signal?.aborted; ) {
    const step = await probe(rate);
    if (!step.ok) {
      broke = step;
      break;
    }
    held = step;
    if (rate >= plan.maxRate) break;
    rate = Math.min(plan.maxRate, roundTo(rate * (plan.growth ?? 2), plan.resolution));
  }
  while (broke && !signal?.aborted) {
    const low = held?.rate ?? 0;
    const gap = broke.rate - low;
    if (gap <= plan.resolution || (held && gap <= held.rate * (plan.precision ?? 0.1))) break;
    const mid = roundTo((low + broke.rate) / 2, plan.resolution);
    if (mid <= low || mid >= broke.rate) break;
    const step = await probe(mid);
    if (step.ok) held = step;
    else broke = step;
  }
  return summarize(plan, steps, held, broke, signal?.aborted === true);
}

function summarize(
  plan: CapacitySearchPlan,
  steps: CapacityStep[],
  held: CapacityStep | null,
  broke: CapacityStep | null,
  aborted: boolean,
): CapacitySearchResult {
  const knee = broke ?? held;
  const hostIdleAtKnee = knee?.hostIdle ?? null;
  return {
    capacity: held?.rate ?? null,
    capped: !aborted && broke === null && held !== null && held.rate >= plan.maxRate,
    knee,
    hostIdleAtKnee,
    hostBound: hostIdleAtKnee !== null && hostIdleAtKnee < (plan.minHostIdle ?? DEFAULT_MIN_HOST_IDLE),
    steps,
  };
}

function roundTo(value: number, resolution: number): number {
  return Math.max(resolution, Math.round(value / resolution) * resolution);
}
