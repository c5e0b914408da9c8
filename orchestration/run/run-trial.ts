/**
 * One trial of one variant: load the running target with the experiment's flow while faults are
 * injected and target figures sampled, let background work settle, and return the trial's record.
 */

import type { RunOutcome } from '../../load/engine/build-outcome.ts';
import { type CpuSampler, systemCpuSampler } from '../../load/engine/host-cpu.ts';
import { isHostBound, withHostLoad } from '../../load/engine/host-guard.ts';
import type { ProgressPoint } from '../../load/engine/progress-point.ts';
import { runPlan } from '../../load/engine/run-load.ts';
import type { LoadTemplate } from '../../load-model/plan/load-plan.ts';
import type { FaultEvent, TrialResult } from '../../results/schema.ts';
import type { ExperimentDefinition } from '../../scenarios/types.ts';
import type { RunningTarget } from '../../targets/target.ts';
import { type FaultPlan, type ScheduledFaults, scheduleFaults } from './fault-schedule.ts';
import { startSampler } from './sampler.ts';
import { atRate } from './trial-load.ts';

export interface TrialPlan {
  /** its counters (reported even at zero) and the target figures it samples */
  experiment: Pick<ExperimentDefinition, 'counters' | 'sample'>;
  /** the variant's trial load, compiled (compile-suite.ts) */
  load: LoadTemplate;
  faults: readonly FaultPlan[];
  trial: number;
  /** the arrival rate the experiment's variants are compared at, over the profile's (comparison-rate.ts) */
  rate?: number;
}

export interface TrialHooks {
  signal?: AbortSignal;
  onSecond?: (point: ProgressPoint) => void;
  /** each fault as it is injected; `elapsedSeconds` from the trial's start, warm-up included */
  onFault?: (event: FaultEvent, elapsedSeconds: number) => void;
  /** each sample of the experiment's target figures, about once a second */
  onSample?: (elapsedSeconds: number, values: Record<string, number>) => void;
  /** the host-headroom guard's CPU sampler; default: /proc/stat and this process */
  hostSampler?: CpuSampler;
}

function counterDelta(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after).map(([name, value]) => [name, value - (before[name] ?? 0)]),
  );
}

const zeros = (names: readonly string[] = []) => Object.fromEntries(names.map((name) => [name, 0]));

function trendsOf(outcome: RunOutcome): TrialResult['trends'] {
  return Object.fromEntries(
    Object.entries(outcome.trends).map(([name, stats]) => [
      name,
      { stats, histogram: outcome.trendHistograms[name] ?? '' },
    ]),
  );
}

/** the trial's load on the target with its faults injected, bracketed by the host's CPU */
async function loadWithFaults(
  target: RunningTarget,
  plan: TrialPlan,
  hooks: TrialHooks,
): Promise<{ outcome: RunOutcome; host: NonNullable<TrialResult['host']>; faults?: ScheduledFaults }> {
  const load = atRate(plan.load, plan.rate);
  // faults count from the load's own offset 0 (known once its client is ready), as its seconds do
  let faults: ScheduledFaults | undefined;
  const onStart = (startAt: number) => {
    faults = scheduleFaults(target, plan.faults, load.warmupMs, hooks.onFault, startAt);
  };
  try {
    const measured = await withHostLoad(hooks.hostSampler ?? systemCpuSampler, () =>
      runPlan({ ...load, baseUrl: target.url }, { ...hooks, onStart }),
    );
    const host = {
      idle: measured.load.hostIdle,
      generatorCores: measured.load.generatorCores,
      hostBound: isHostBound(measured.load),
    };
    return { outcome: measured.value, host, ...(faults ? { faults } : {}) };
  } finally {
    await faults?.cancel();
  }
}

export async function runTrial(
  target: RunningTarget,
  plan: TrialPlan,
  hooks: TrialHooks = {},
): Promise<TrialResult> {
  const { experiment } = plan;
  const before = await target.counters();
  const sampler = startSampler(target, experiment.sample ?? [], 1000, (index, values) =>
    hooks.onSample?.(index + 1, values),
  );
  const { outcome, host, faults } = await loadWithFaults(target, plan, hooks);
  const extraSeries = await sampler.stop();
  const settled = target.settle ? await target.settle(hooks.signal, before) : {};
  const after = await target.counters();
  // bring killed instances back for the next trial; after Ctrl-C the whole target stops instead
  if (!hooks.signal?.aborted) {
    for (const instance of faults?.killed() ?? []) await target.restart(instance.kind, instance.index);
  }
  return {
    trial: plan.trial,
    summary: outcome.summary,
    histograms: outcome.histograms,
    ...(outcome.phaseHistograms ? { phaseHistograms: outcome.phaseHistograms } : {}),
    ...(outcome.protocol ? { protocol: outcome.protocol } : {}),
    series: outcome.series,
    counters: counterDelta(after, before),
    correctness: { ...zeros(experiment.counters), ...outcome.counters, ...settled },
    extraSeries,
    trends: trendsOf(outcome),
    faults: faults?.events ?? [],
    host,
  };
}
