/**
 * One trial of one variant: load the running target with the experiment's flow while faults are
 * injected and target figures sampled, let background work settle, and return the trial's record.
 */

import { pathToFileURL } from 'node:url';
import { codeUrl, packageRoot } from '../../core/entry-points.ts';
import type { RunOutcome } from '../../load/engine/build-outcome.ts';
import { type CpuSampler, systemCpuSampler } from '../../load/engine/host-cpu.ts';
import { isHostBound, withHostLoad } from '../../load/engine/host-guard.ts';
import type { ProgressPoint } from '../../load/engine/progress-point.ts';
import { runLoad } from '../../load/engine/run-load.ts';
import { durationMs } from '../../load-model/duration.ts';
import type { FlowRef } from '../../load-model/types.ts';
import type { FaultEvent, TrialResult } from '../../results/schema.ts';
import {
  atRate,
  type ExperimentDefinition,
  type FaultStep,
  type ProfileName,
  profileLoad,
} from '../../scenarios/types.ts';
import type { RunningTarget } from '../../targets/target.ts';
import { type ScheduledFaults, scheduleFaults } from './fault-schedule.ts';
import { startSampler } from './sampler.ts';

export interface TrialPlan {
  experiment: ExperimentDefinition;
  profile: ProfileName;
  faults: readonly FaultStep[];
  trial: number;
  /** folder that relative flow module paths are resolved against */
  baseDir: string;
  /** the variant's flowParams, over the experiment's */
  flowParams?: Record<string, unknown>;
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

export function resolveFlowRef(flow: FlowRef, baseDir: string): FlowRef {
  if (flow.module.startsWith('file:') || flow.module.startsWith('/')) return flow;
  // a built-in flow is package code: dist's .js when scalebench runs built
  if (baseDir === packageRoot) return { ...flow, module: codeUrl(flow.module) };
  return { ...flow, module: pathToFileURL(`${baseDir}/${flow.module}`).href };
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

export async function runTrial(
  target: RunningTarget,
  plan: TrialPlan,
  hooks: TrialHooks = {},
): Promise<TrialResult> {
  const { experiment } = plan;
  const load = atRate(profileLoad(experiment, plan.profile), plan.rate);
  const before = await target.counters();
  const sampler = startSampler(target, experiment.sample ?? [], 1000, (index, values) =>
    hooks.onSample?.(index + 1, values),
  );
  // faults count from the load's own offset 0 (known once its client is ready), as its seconds do
  let faults: ScheduledFaults | undefined;
  const onStart = (startAt: number) => {
    faults = scheduleFaults(target, plan.faults, durationMs(load.warmup) ?? 0, hooks.onFault, startAt);
  };
  let outcome: RunOutcome;
  let host: TrialResult['host'];
  try {
    const measured = await withHostLoad(hooks.hostSampler ?? systemCpuSampler, () =>
      runLoad(
        {
          baseUrl: target.url,
          executor: load.executor,
          warmup: load.warmup,
          flow: resolveFlowRef(experiment.flow, plan.baseDir),
          flowParams: { ...experiment.flowParams, ...plan.flowParams },
          ...(experiment.timeout === undefined ? {} : { timeout: experiment.timeout }),
          ...(experiment.maxBody === undefined ? {} : { maxBody: experiment.maxBody }),
          ...(experiment.saturation === undefined ? {} : { saturation: experiment.saturation }),
        },
        { ...hooks, onStart },
      ),
    );
    outcome = measured.value;
    host = {
      idle: measured.load.hostIdle,
      generatorCores: measured.load.generatorCores,
      hostBound: isHostBound(measured.load),
    };
  } finally {
    await faults?.cancel();
  }
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
    ...(host ? { host } : {}),
  };
}
