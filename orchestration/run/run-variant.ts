/**
 * One variant of an experiment: start its target, run its trials (and the capacity search when asked),
 * evaluate its thresholds, and stop everything it started — also on error and on Ctrl-C.
 */

import { evaluateThresholds, parseThresholds } from '../../load-model/thresholds.ts';
import { liveTotals } from '../../results/live-events.ts';
import type { DockerStack, ThresholdOutcome, TrialResult, VariantResult } from '../../results/schema.ts';
import { stepNames, unknownStepError } from '../../results/step-stats.ts';
import { isExternalTarget } from '../../targets/external/external-target.ts';
import type { RunningTarget } from '../../targets/target.ts';
import { loadShare } from './load-share.ts';
import { runTrial, type TrialHooks } from './run-trial.ts';
import { serverRecords } from './server-cpu.ts';
import { trialLength } from './trial-load.ts';
import { trialMetricSource } from './trial-metrics.ts';
import { searchCapacity } from './variant-capacity.ts';
import type { VariantHooks, VariantPlan } from './variant-plan.ts';
import { sizedServer, startTarget } from './variant-target.ts';

export type { CapacityFields, VariantHooks, VariantPlan } from './variant-plan.ts';

/**
 * A threshold passes when it passes in every trial; the reported value is the worst trial's. A threshold
 * on a step (`{name:login}`) that no trial has run is a typo, not a failure: it stops the run (exit 2).
 */
export function judgeThresholds(
  plan: Pick<VariantPlan, 'experiment' | 'variant'>,
  trials: readonly TrialResult[],
) {
  const { thresholds } = parseThresholds({ ...plan.experiment.thresholds, ...plan.variant.thresholds });
  const known = stepNames(trials.map((trial) => trial.summary));
  for (const threshold of thresholds) {
    if (threshold.step !== undefined && trials.length > 0 && !known.includes(threshold.step))
      throw unknownStepError(threshold.step, known, `threshold ${threshold.metric}`);
  }
  const perTrial = trials.map((trial) => evaluateThresholds(thresholds, trialMetricSource(trial)));
  return thresholds.map((threshold, index): ThresholdOutcome => {
    const outcomes = perTrial.map((results) => results[index]!);
    const failed = outcomes.find((outcome) => !outcome.passed);
    const shown = failed ?? outcomes.at(-1);
    return {
      metric: threshold.metric,
      expression: threshold.expression,
      actual: shown?.actual ?? null,
      passed: outcomes.length > 0 && failed === undefined,
    };
  });
}

const namesOf = (plan: VariantPlan) => ({ experiment: plan.experiment.name, variant: plan.variant.name });

/** the variant's result before its first trial: what it is and what its target runs as */
function variantResult(
  plan: VariantPlan,
  target: RunningTarget,
  stack: DockerStack | undefined,
): VariantResult {
  const { variant } = plan;
  return {
    name: variant.name,
    params: variant.params,
    balancer: target.balancer,
    trials: [],
    thresholds: [],
    capacity: null,
    capped: false,
    ...(variant.clones === undefined ? {} : { clones: variant.clones }),
    ...(variant.workers === undefined ? {} : { workers: variant.workers }),
    ...sizedServer(plan),
    ...(plan.replicaDelayMs === undefined ? {} : { replicaDelayMs: plan.replicaDelayMs }),
    ...(stack ? { stack } : {}),
    ...plan.measured,
  };
}

/** what a trial tells the suite while it runs: its seconds, faults and target samples */
function trialHooks(plan: VariantPlan, trial: number, hooks: VariantHooks): TrialHooks {
  const names = namesOf(plan);
  return {
    signal: hooks.signal,
    onSecond: (point) => hooks.emit?.({ type: 'second', ...names, trial, point }),
    onFault: (fault, elapsedSeconds) =>
      hooks.emit?.({ type: 'fault', ...names, trial, elapsedSeconds, ...fault }),
    onSample: (elapsedSeconds, values) =>
      hooks.emit?.({ type: 'sample', ...names, trial, elapsedSeconds, values }),
  };
}

/** The variant's trials in turn, each stored in `result` (and its thresholds judged) as it finishes. */
async function runTrials(
  plan: VariantPlan,
  target: RunningTarget,
  result: VariantResult,
  hooks: VariantHooks,
): Promise<void> {
  const { experiment } = plan;
  const names = namesOf(plan);
  for (let trial = 0; trial < plan.trials && !hooks.signal?.aborted; trial += 1) {
    hooks.emit?.({
      type: 'trial-start',
      ...names,
      trial,
      trials: plan.trials,
      ...(experiment.counters ? { counters: [...experiment.counters] } : {}),
      ...trialLength(plan.trial),
    });
    const record = await runTrial(
      target,
      {
        experiment,
        load: plan.trial,
        faults: plan.faults,
        trial,
        ...(plan.rate ? { rate: plan.rate.rate } : {}),
      },
      trialHooks(plan, trial, hooks),
    );
    // a trial cut short by Ctrl-C covers part of its load: keep only finished trials
    if (hooks.signal?.aborted) break;
    hooks.emit?.({
      type: 'trial-done',
      ...names,
      trial,
      totals: liveTotals(record.summary, record.correctness),
    });
    result.trials.push(record);
    if (record.host?.hostBound) result.hostBound = true;
    result.thresholds = judgeThresholds(plan, result.trials);
    await hooks.onPartial?.(result);
  }
}

export async function runVariant(plan: VariantPlan, hooks: VariantHooks = {}): Promise<VariantResult> {
  const { target, stack } = await startTarget(plan, hooks.signal);
  hooks.emit?.({ type: 'target-ready', ...namesOf(plan), url: target.url, balancer: target.balancer });
  const result = variantResult(plan, target, stack);
  try {
    await runTrials(plan, target, result, hooks);
    if (plan.findCapacity && !hooks.signal?.aborted)
      Object.assign(result, await searchCapacity(plan, target, result.trials, hooks));
    const load = loadShare(result, plan.rate === undefined ? 'fixed' : plan.rate.derivation);
    if (load) result.load = load;
    if (!result.servers && !isExternalTarget(plan.experiment.target))
      result.servers = serverRecords(target.instances(), undefined);
  } finally {
    await target.stop();
  }
  return result;
}
