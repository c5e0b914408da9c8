/**
 * One variant of an experiment: start its target, run its trials (and the capacity search when asked),
 * evaluate its thresholds, and stop everything it started — also on error and on Ctrl-C.
 */

import { evaluateThresholds, parseThresholds } from '../../load-model/thresholds.ts';
import { liveTotals } from '../../results/live-events.ts';
import type { DockerStack, ThresholdOutcome, TrialResult, VariantResult } from '../../results/schema.ts';
import { stepNames, unknownStepError } from '../../results/step-stats.ts';
import {
  type ExperimentDefinition,
  type ProfileName,
  profileLoad,
  type VariantDefinition,
} from '../../scenarios/types.ts';
import { externalTarget, isExternalTarget } from '../../targets/external/external-target.ts';
import { findTarget } from '../../targets/registry.ts';
import type { ServerSize } from '../../targets/sizing/server-size.ts';
import type { RunningTarget } from '../../targets/target.ts';
import { findCapacity } from './capacity.ts';
import type { CapacityHint } from './capacity-hint.ts';
import { startDockerTarget } from './docker-target.ts';
import type { SuiteEvent } from './events.ts';
import { loadShare } from './load-share.ts';
import { runTrial } from './run-trial.ts';
import { serverRecords } from './server-cpu.ts';
import { trialLength } from './trial-length.ts';
import { trialMetricSource } from './trial-metrics.ts';

export interface VariantPlan {
  experiment: ExperimentDefinition;
  variant: VariantDefinition;
  profile: ProfileName;
  trials: number;
  findCapacity: boolean;
  logDir: string;
  baseDir: string;
  /** where targets run: local processes (default) or the experiment's Docker Compose stack */
  stack?: 'local' | 'docker';
  /** the declared size of each server process (or container) of the target; default: unlimited */
  server?: ServerSize;
  /** the environment docker stacks read (DOCKER_HOST, SCALEBENCH_BASE_IMAGE, ...); default process.env */
  env?: Record<string, string | undefined>;
  /** --server-size was given: it sizes every server, databases included */
  serverOverridden?: boolean;
  /** where the capacity search starts when a smaller fleet of the store was measured (capacity-hint.ts) */
  capacityHint?: CapacityHint;
  /** the rate the trials run at when the experiment's comparison rate replaces the profile's */
  rate?: { rate: number; derivation: 'fixed' | 'from-capacity' };
  /** what this variant's capacity search found before its trials (run-suite.ts measures capacities first) */
  measured?: CapacityFields;
}

/** what a capacity search adds to a variant's result */
export type CapacityFields = Partial<
  Pick<
    VariantResult,
    'capacity' | 'capped' | 'slo' | 'hostIdleAtKnee' | 'hostBound' | 'capacitySteps' | 'servers'
  >
>;

/** The capacity search on the running target: where the experiment's SLO breaks, and the host's share. */
async function searchCapacity(
  plan: VariantPlan,
  target: RunningTarget,
  trials: readonly TrialResult[],
  hooks: VariantHooks,
): Promise<CapacityFields> {
  const { experiment, variant } = plan;
  if (!experiment.capacity) return {};
  const names = { experiment: experiment.name, variant: variant.name };
  const { slo } = experiment.capacity;
  hooks.emit?.({
    type: 'capacity-start',
    ...names,
    slo,
    startRate: variant.capacityStartRate ?? experiment.capacity.startRate,
  });
  const found = await findCapacity(
    target,
    experiment,
    plan.baseDir,
    {
      signal: hooks.signal,
      onStep: (step) => hooks.emit?.({ type: 'capacity-step', ...names, ...step }),
      ...(plan.capacityHint ? { hint: plan.capacityHint } : {}),
      requestsPerIteration: requestsPerIteration(trials),
    },
    variant,
  );
  // an interrupted search has not found where the SLO breaks
  if (!found || hooks.signal?.aborted) return {};
  hooks.emit?.({
    type: 'capacity-done',
    ...names,
    capacity: found.capacity,
    capped: found.capped,
    slo,
    hostIdleAtKnee: found.hostIdleAtKnee,
  });
  return {
    capacity: found.capacity,
    capped: found.capped,
    slo,
    hostIdleAtKnee: found.hostIdleAtKnee,
    ...(found.hostBound ? { hostBound: true } : {}),
    capacitySteps: found.steps,
    ...(isExternalTarget(experiment.target)
      ? {}
      : { servers: serverRecords(target.instances(), found.knee?.servers) }),
  };
}

export interface VariantHooks {
  signal?: AbortSignal;
  emit?: (event: SuiteEvent) => void;
  /** called after each trial with what is known so far, so partial results reach the disk */
  onPartial?: (partial: VariantResult) => Promise<void>;
}

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

async function startTarget(
  plan: VariantPlan,
  signal?: AbortSignal,
): Promise<{ target: RunningTarget; stack?: DockerStack }> {
  if (isExternalTarget(plan.experiment.target)) return { target: externalTarget(plan.experiment.target) };
  if (plan.stack === 'docker') {
    return startDockerTarget(plan.experiment.target, plan.variant, {
      ...(plan.server ? { server: plan.server } : {}),
      ...databaseSize(plan),
      ...(signal ? { signal } : {}),
      ...(plan.env ? { env: plan.env } : {}),
    });
  }
  const definition = findTarget(plan.experiment.target);
  const target = await definition.start({
    variant: plan.variant.params,
    logDir: plan.logDir,
    ...(plan.variant.clones === undefined ? {} : { clones: plan.variant.clones }),
    ...(plan.variant.workers === undefined ? {} : { workers: plan.variant.workers }),
    ...(plan.variant.env === undefined ? {} : { env: plan.variant.env }),
    ...(plan.server ? { server: plan.server } : {}),
    ...databaseSize(plan),
  });
  return { target };
}

/** the experiment's own database size, unless --server-size set every server's */
function databaseSize(plan: VariantPlan): { databaseCpus?: number } {
  return plan.experiment.databaseCpus === undefined || plan.serverOverridden
    ? {}
    : { databaseCpus: plan.experiment.databaseCpus };
}

/** the server size that ran: only built-in targets (local processes or containers) are sized */
function sizedServer(plan: VariantPlan): Pick<VariantResult, 'server'> {
  if (!plan.server || isExternalTarget(plan.experiment.target)) return {};
  const { model, size, label } = plan.server;
  return { server: { model, size, label } };
}

/** what the variant's trials made per iteration: the first capacity step's length is planned with it */
function requestsPerIteration(trials: readonly VariantResult['trials'][number][]): number {
  const requests = trials.reduce((sum, trial) => sum + trial.summary.requests, 0);
  const iterations = trials.reduce((sum, trial) => sum + trial.summary.iterations, 0);
  return iterations > 0 ? requests / iterations : 1;
}

/** the replica's apply delay, for a variant that runs one (its env sets REPLICA_APPLY_DELAY_MS) */
function replicaDelay(plan: VariantPlan): Pick<VariantResult, 'replicaDelayMs'> {
  const delay = plan.variant.env?.REPLICA_APPLY_DELAY_MS;
  return delay === undefined ? {} : { replicaDelayMs: Number(delay) };
}

export async function runVariant(plan: VariantPlan, hooks: VariantHooks = {}): Promise<VariantResult> {
  const { experiment, variant } = plan;
  const names = { experiment: experiment.name, variant: variant.name };
  const { target, stack } = await startTarget(plan, hooks.signal);
  hooks.emit?.({ type: 'target-ready', ...names, url: target.url, balancer: target.balancer });
  const result: VariantResult = {
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
    ...replicaDelay(plan),
    ...(stack ? { stack } : {}),
    ...plan.measured,
  };
  try {
    for (let trial = 0; trial < plan.trials && !hooks.signal?.aborted; trial += 1) {
      hooks.emit?.({
        type: 'trial-start',
        ...names,
        trial,
        trials: plan.trials,
        ...(experiment.counters ? { counters: [...experiment.counters] } : {}),
        ...trialLength(profileLoad(experiment, plan.profile)),
      });
      const record = await runTrial(
        target,
        {
          experiment,
          profile: plan.profile,
          faults: variant.faults ?? experiment.faults ?? [],
          trial,
          baseDir: plan.baseDir,
          ...(variant.flowParams ? { flowParams: variant.flowParams } : {}),
          ...(plan.rate ? { rate: plan.rate.rate } : {}),
        },
        {
          signal: hooks.signal,
          onSecond: (point) => hooks.emit?.({ type: 'second', ...names, trial, point }),
          onFault: (fault, elapsedSeconds) =>
            hooks.emit?.({ type: 'fault', ...names, trial, elapsedSeconds, ...fault }),
          onSample: (elapsedSeconds, values) =>
            hooks.emit?.({ type: 'sample', ...names, trial, elapsedSeconds, values }),
        },
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
    if (plan.findCapacity && !hooks.signal?.aborted)
      Object.assign(result, await searchCapacity(plan, target, result.trials, hooks));
    const load = loadShare(result, plan.rate === undefined ? 'fixed' : plan.rate.derivation);
    if (load) result.load = load;
    if (!result.servers && !isExternalTarget(experiment.target))
      result.servers = serverRecords(target.instances(), undefined);
  } finally {
    await target.stop();
  }
  return result;
}
