/**
 * Capacity search against a running target: the pure grow-then-bisect search (capacity-search.ts)
 * over open-model steps at the experiment's SLO (p99 and error rate; a step that dropped arrivals
 * breaks it too). Each step measures at least 500 requests and 2 s (step-length.ts) after a short
 * warm-up left out of its figures, and is bracketed by host CPU samples (the host-headroom guard) and by
 * CPU readings of every server of the target (server-cpu.ts), and the target gets a moment to drain
 * between steps, so a step does not inherit the previous one's backlog.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { type CpuSampler, systemCpuSampler } from '../../load/engine/host-cpu.ts';
import { withHostLoad } from '../../load/engine/host-guard.ts';
import { runPlan } from '../../load/engine/run-load.ts';
import type { RunningTarget } from '../../targets/target.ts';
import type { CapacityHint } from './capacity-hint.ts';
import { type CapacityPlan, graceMs, stepPlan, TARGET_WARMUP_MS } from './capacity-plan.ts';
import {
  type CapacityProbe,
  type CapacitySearchPlan,
  type CapacitySearchResult,
  type CapacityStep,
  searchCapacity,
} from './capacity-search.ts';
import { cpuBetween, snapshotServers } from './server-cpu.ts';
import { stepLengthMs } from './step-length.ts';

/** pause between steps */
const SETTLE_MS = 100;
/**
 * After a broken step: the target has drained its backlog once /healthz says it handles no request
 * (the built-in app's `inFlight`), or else answers within DRAINED_MS, IDLE_ANSWERS times running
 * (behind a balancer each answer may come from another clone).
 */
const DRAINED_MS = 25;
const IDLE_ANSWERS = 4;
const MAX_DRAIN_MS = 10_000;
/** the share of a step's work a p99 SLO lets be slower than it */
const SLO_SHARE = 0.01;
/** a step whose p99 is over this many times the SLO's broke it by far: no need to measure it again */
const FAR_BREAK = 1.5;

export type { CapacityStep };

export interface CapacityHooks {
  signal?: AbortSignal;
  onStep?: (step: CapacityStep) => void;
  /** the host CPU sampler (the host-headroom guard); default: /proc/stat and this process */
  sampler?: CpuSampler;
  /** a start rate predicted from a smaller fleet, and its growth (capacity-hint.ts) */
  hint?: Pick<CapacityHint, 'startRate' | 'growth'>;
  /** requests per iteration the flow made so far (the trials'): plans the first step's length */
  requestsPerIteration?: number;
  /** false: no warm-up of the target before the first step (tests of the stepping) */
  warm?: boolean;
}

/** what the steps so far say a flow iteration makes: the next step's length is planned with it */
interface PerIteration {
  requests: number;
}

type StepOutcome = Pick<CapacityProbe, 'ok' | 'p99Ms' | 'errorRate' | 'broken' | 'marginal' | 'requests'> & {
  iterations: number;
};

export async function findCapacity(
  target: RunningTarget,
  capacity: CapacityPlan,
  hooks: CapacityHooks = {},
): Promise<CapacitySearchResult> {
  const perIteration: PerIteration = { requests: hooks.requestsPerIteration ?? 1 };
  const startRate = hooks.hint?.startRate ?? capacity.startRate;
  if (hooks.warm !== false) await warmTarget(target, capacity, startRate, perIteration, hooks.signal);
  return searchCapacity(
    searchPlan(capacity, startRate, hooks.hint),
    (rate) => measureAt(target, capacity, rate, perIteration, hooks),
    hooks.signal,
  );
}

function searchPlan(
  { search }: CapacityPlan,
  startRate: number,
  hint: CapacityHooks['hint'],
): CapacitySearchPlan {
  return {
    startRate,
    maxRate: search.maxRate,
    resolution: search.step,
    ...(search.precision === undefined ? {} : { precision: search.precision }),
    ...(search.confirmBreaks === undefined ? {} : { confirmBreaks: search.confirmBreaks }),
    ...(search.confirmKnee === undefined ? {} : { confirmKnee: search.confirmKnee }),
    ...(hint ? { growth: hint.growth } : search.growth === undefined ? {} : { growth: search.growth }),
  };
}

/** the freshly started target warmed at half the start rate; it also says what an iteration requests */
async function warmTarget(
  target: RunningTarget,
  capacity: CapacityPlan,
  startRate: number,
  perIteration: PerIteration,
  signal: AbortSignal | undefined,
): Promise<void> {
  const warmRate = Math.max(1, Math.round(startRate / 2));
  const warm = await measureStep(target, capacity, warmRate, TARGET_WARMUP_MS, signal);
  // the warm-up also says how many requests an iteration makes: the first step is planned with it
  if (warm.iterations > 0 && warm.requests !== undefined)
    perIteration.requests = warm.requests / warm.iterations;
  if (!warm.ok) await drain(target.url, signal);
}

/** one step of the search, bracketed by the host's and every server's CPU, the target drained after a break */
async function measureAt(
  target: RunningTarget,
  capacity: CapacityPlan,
  rate: number,
  perIteration: PerIteration,
  hooks: CapacityHooks,
): Promise<CapacityProbe> {
  const lengthMs = stepLengthMs(rate, perIteration.requests, capacity.stepMs, capacity.search.minStep);
  const { value: measured, load } = await withHostLoad(hooks.sampler ?? systemCpuSampler, async () => {
    const before = await snapshotServers(target.instances());
    const step = await measureStep(target, capacity, rate, lengthMs, hooks.signal);
    return { step, servers: cpuBetween(before, await snapshotServers(target.instances())) };
  });
  const { iterations, ...probe } = measured.step;
  if (iterations > 0 && probe.requests !== undefined) perIteration.requests = probe.requests / iterations;
  await sleep(SETTLE_MS);
  // an overloaded server keeps working through its backlog: the next step must not inherit it
  if (!probe.ok) await drain(target.url, hooks.signal);
  const result = { ...probe, ...load, servers: measured.servers };
  hooks.onStep?.({ rate, ...result });
  return result;
}

async function drain(url: string, signal: AbortSignal | undefined): Promise<void> {
  const deadline = performance.now() + MAX_DRAIN_MS;
  let idle = 0;
  while (idle < IDLE_ANSWERS && performance.now() < deadline && !signal?.aborted) {
    const started = performance.now();
    const inFlight = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) }).then(
      async (response) => {
        const body = (await response.json().catch(() => null)) as { inFlight?: unknown } | null;
        return typeof body?.inFlight === 'number' ? body.inFlight : null;
      },
      () => undefined,
    );
    const quiet = inFlight === null ? performance.now() - started < DRAINED_MS : inFlight === 0;
    idle = quiet ? idle + 1 : 0;
    if (idle < IDLE_ANSWERS) await sleep(quiet ? 20 : 100);
  }
}

async function measureStep(
  target: RunningTarget,
  capacity: CapacityPlan,
  rate: number,
  lengthMs: number,
  signal: AbortSignal | undefined,
): Promise<StepOutcome> {
  const { search } = capacity;
  const outcome = await runPlan(stepPlan(capacity, target.url, rate, lengthMs), {
    ...(signal ? { signal } : {}),
  });
  const { summary } = outcome;
  const errorRate = summary.requests === 0 ? 1 : summary.errors / summary.requests;
  const p99Ms = summary.latency.response.p99;
  const unfinished = outcome.unfinishedIterations;
  const broken = [
    ...(p99Ms > search.slo.p99Ms ? [`p99 ${p99Ms.toFixed(1)} ms > ${search.slo.p99Ms} ms`] : []),
    ...(errorRate > search.slo.errorRate ? [`errors ${(errorRate * 100).toFixed(2)}%`] : []),
    ...(summary.droppedIterations > 0 ? [`${summary.droppedIterations} arrivals dropped`] : []),
    ...(unfinished > SLO_SHARE * (summary.iterations + unfinished)
      ? [`${unfinished} iterations still running ${graceMs(search)} ms after the step`]
      : []),
  ];
  // A late generator does not break the SLO by itself: latency counts from when each request was due,
  // so its lateness is already inside p99 (the judgement errs pessimistic, never optimistic); a
  // generator that cannot keep up at all drops arrivals. A busy host is the host guard's call.
  const byFar = p99Ms > FAR_BREAK * search.slo.p99Ms || summary.droppedIterations > 0 || unfinished > 0;
  return {
    ok: broken.length === 0,
    p99Ms,
    errorRate,
    requests: summary.requests,
    iterations: summary.iterations,
    ...(broken.length > 0 ? { broken: broken.join(', '), marginal: !byFar } : {}),
  };
}
