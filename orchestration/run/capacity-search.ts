/**
 * The capacity search as a pure function over a `measure(rate)` callback: grow the rate geometrically
 * while the SLO holds, then bisect between the last rate that held and the first that broke, down to a
 * resolution. A marginal break is re-measured (`confirmBreaks` times) before it counts, so one stall of
 * a shared machine does not end the search early; a break by far counts at once. The rate found is
 * then measured a second time (`confirmKnee`): if it breaks now, it counts as broken and the search goes
 * on below it, so the capacity printed held twice. The knee is the step the capacity comes from (the
 * highest rate that held, or the lowest that broke when none held); the host's idle share there says
 * whether the answer is the architecture's limit or this machine's (hostBound).
 */
import { DEFAULT_MIN_HOST_IDLE } from '../../load/engine/host-guard.ts';

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
  /** requests in the step's measured part */
  requests?: number;
  /** CPUs each server of the target used during the step */
  servers?: Record<string, number>;
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
  /** measure the rate found once more before it counts (default true) */
  confirmKnee?: boolean;
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
  // every rate that held, lowest first: a held rate that fails its confirmation falls back to the one below
  const helds: CapacityStep[] = [];
  let broke: CapacityStep | null = null;
  for (let rate = plan.startRate; !signal?.aborted; ) {
    const step = await probe(rate);
    if (!step.ok) {
      broke = step;
      break;
    }
    helds.push(step);
    if (rate >= plan.maxRate) break;
    rate = Math.min(plan.maxRate, roundTo(rate * (plan.growth ?? 2), plan.resolution));
  }
  const confirmed = new Set<number>();
  for (;;) {
    broke = await bisect(plan, helds, broke, probe, signal);
    const held = helds.at(-1);
    if (!held || plan.confirmKnee === false || confirmed.has(held.rate) || signal?.aborted) break;
    confirmed.add(held.rate);
    const again = await probe(held.rate);
    if (again.ok) {
      helds[helds.length - 1] = again.p99Ms > held.p99Ms ? again : held;
      break;
    }
    helds.pop();
    broke = again;
  }
  return summarize(plan, steps, helds.at(-1) ?? null, broke, signal?.aborted === true);
}

/** bisects between the highest rate that held and the lowest that broke; returns the lowest that broke */
async function bisect(
  plan: CapacitySearchPlan,
  helds: CapacityStep[],
  broken: CapacityStep | null,
  probe: (rate: number) => Promise<CapacityStep>,
  signal: AbortSignal | undefined,
): Promise<CapacityStep | null> {
  let broke = broken;
  while (broke && !signal?.aborted) {
    const held = helds.at(-1);
    const low = held?.rate ?? 0;
    const gap = broke.rate - low;
    if (gap <= plan.resolution || (held && gap <= held.rate * (plan.precision ?? 0.1))) break;
    const mid = roundTo((low + broke.rate) / 2, plan.resolution);
    if (mid <= low || mid >= broke.rate) break;
    const step = await probe(mid);
    if (step.ok) helds.push(step);
    else broke = step;
  }
  return broke;
}

function summarize(
  plan: CapacitySearchPlan,
  steps: CapacityStep[],
  held: CapacityStep | null,
  broke: CapacityStep | null,
  aborted: boolean,
): CapacitySearchResult {
  // the capacity figure's own step: a failing step above it may have a saturated host that never held
  const knee = held ?? broke;
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
