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
import { runLoad } from '../../load/engine/run-load.ts';
import { durationMs } from '../../load-model/duration.ts';
import type { CapacitySearch, ExperimentDefinition, VariantDefinition } from '../../scenarios/types.ts';
import type { RunningTarget } from '../../targets/target.ts';
import type { CapacityHint } from './capacity-hint.ts';
import {
  type CapacityProbe,
  type CapacitySearchResult,
  type CapacityStep,
  searchCapacity,
} from './capacity-search.ts';
import { resolveFlowRef } from './run-trial.ts';
import { cpuBetween, snapshotServers } from './server-cpu.ts';
import { stepLengthMs } from './step-length.ts';

export const DEFAULT_CAPACITY_WARMUP = '500ms';
/** pause between steps */
const SETTLE_MS = 100;
/**
 * Before its first step the search warms a freshly started target (JIT, connection pools, caches) at half
 * its start rate for this long, left out of every figure: a cold target broke the object cache's first
 * step at 100/s (p99 2.0 s) that held at 126/s once warm, and the search never climbed back past it.
 */
export const TARGET_WARMUP_MS = 3_000;
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
/** how long a step's iterations may run past its end: GRACE_SLOS times the SLO's p99 */
const GRACE_SLOS = 5;
/** a step whose p99 is over this many times the SLO's broke it by far: no need to measure it again */
const FAR_BREAK = 1.5;
const graceMs = (search: Pick<CapacitySearch, 'slo'>) => GRACE_SLOS * search.slo.p99Ms;

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

/** virtual users a step may need: the arrivals in flight when each waits up to the SLO's p99, twice over */
export function stepVus(rate: number, search: Pick<CapacitySearch, 'slo'>): number {
  return Math.ceil((rate * search.slo.p99Ms * 2) / 1000) + 20;
}

export async function findCapacity(
  target: RunningTarget,
  experiment: ExperimentDefinition,
  baseDir: string,
  hooks: CapacityHooks = {},
  variant?: Pick<VariantDefinition, 'capacityStartRate'>,
): Promise<CapacitySearchResult | null> {
  const search = experiment.capacity;
  if (!search) return null;
  const sampler = hooks.sampler ?? systemCpuSampler;
  const declaredMs = durationMs(search.stepDuration) ?? 0;
  let requestsPerIteration = hooks.requestsPerIteration ?? 1;
  const measure = async (rate: number): Promise<CapacityProbe> => {
    const lengthMs = stepLengthMs(rate, requestsPerIteration, declaredMs, search.minStep);
    const { value: measured, load } = await withHostLoad(sampler, async () => {
      const before = await snapshotServers(target.instances());
      const step = await measureStep(target, experiment, search, baseDir, rate, lengthMs, hooks.signal);
      return { step, servers: cpuBetween(before, await snapshotServers(target.instances())) };
    });
    const { iterations, ...probe } = measured.step;
    if (iterations > 0 && probe.requests !== undefined) requestsPerIteration = probe.requests / iterations;
    await sleep(SETTLE_MS);
    // an overloaded server keeps working through its backlog: the next step must not inherit it
    if (!probe.ok) await drain(target.url, hooks.signal);
    const result = { ...probe, ...load, servers: measured.servers };
    hooks.onStep?.({ rate, ...result });
    return result;
  };
  const startRate = hooks.hint?.startRate ?? variant?.capacityStartRate ?? search.startRate;
  if (hooks.warm !== false) {
    const warmRate = Math.max(1, Math.round(startRate / 2));
    const warm = await measureStep(
      target,
      experiment,
      search,
      baseDir,
      warmRate,
      TARGET_WARMUP_MS,
      hooks.signal,
    );
    // the warm-up also says how many requests an iteration makes: the first step is planned with it
    if (warm.iterations > 0 && warm.requests !== undefined)
      requestsPerIteration = warm.requests / warm.iterations;
    if (!warm.ok) await drain(target.url, hooks.signal);
  }
  return searchCapacity(
    {
      startRate,
      maxRate: search.maxRate,
      resolution: search.step,
      ...(search.precision === undefined ? {} : { precision: search.precision }),
      ...(search.confirmBreaks === undefined ? {} : { confirmBreaks: search.confirmBreaks }),
      ...(search.confirmKnee === undefined ? {} : { confirmKnee: search.confirmKnee }),
      ...(hooks.hint
        ? { growth: hooks.hint.growth }
        : search.growth === undefined
          ? {}
          : { growth: search.growth }),
    },
    measure,
    hooks.signal,
  );
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
  experiment: ExperimentDefinition,
  search: CapacitySearch,
  baseDir: string,
  rate: number,
  lengthMs: number,
  signal: AbortSignal | undefined,
): Promise<
  Pick<CapacityProbe, 'ok' | 'p99Ms' | 'errorRate' | 'broken' | 'marginal' | 'requests'> & {
    iterations: number;
  }
> {
  const outcome = await runLoad(
    {
      baseUrl: target.url,
      executor: {
        executor: 'constant-arrival-rate',
        rate,
        duration: `${lengthMs}ms`,
        maxVUs: stepVus(rate, search),
      },
      warmup: search.warmup ?? DEFAULT_CAPACITY_WARMUP,
      flow: resolveFlowRef(experiment.flow, baseDir),
      flowParams: { ...experiment.flowParams, ...search.flowParams },
      ...(experiment.timeout === undefined ? {} : { timeout: experiment.timeout }),
      // a step's iterations get a few SLOs' worth of time to finish after its end, not the request
      // timeout: one still running then (a flow makes a few requests) is far past the SLO, so waiting
      // longer could only confirm a broken step, and an overloaded target's backlog takes seconds
      gracefulStop: `${graceMs(search)}ms`,
      ...(experiment.saturation === undefined ? {} : { saturation: experiment.saturation }),
    },
    { ...(signal ? { signal } : {}) },
  );
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
