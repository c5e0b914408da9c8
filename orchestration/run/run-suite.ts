/**
 * The experiment suite: every selected experiment and variant in turn, the results rewritten after each
 * trial through `persist` (so a failure or Ctrl-C later loses nothing), complete=false until the end.
 * The last write is marked 'final' — also when a variant fails — so costly formats can wait for it.
 */

import { collectEnvironment } from '../../results/environment.ts';
import type { ExperimentResult, SuiteResults, VariantResult } from '../../results/schema.ts';
import { SCHEMA_VERSION } from '../../results/schema-version.ts';
import { variantVerdict, verdictLines } from '../../results/variant-verdicts.ts';
import type { ExperimentDefinition } from '../../scenarios/types.ts';
import { comparisonFor, measureCapacity, rateWords } from './comparison-phase.ts';
import type { ComparisonRate } from './comparison-rate.ts';
import type { SuiteEvent } from './events.ts';
import { runVariant } from './run-variant.ts';
import { checkServices, type SkippedItem } from './service-check.ts';
import {
  byExperiment,
  capacitySeconds,
  type QueueItem,
  type SuitePlan,
  variantSeconds,
} from './suite-plan.ts';
import { type CapacityFields, type VariantPlan, variantPlan } from './variant-plan.ts';

export type { SuitePlan } from './suite-plan.ts';

export type PersistStage = 'partial' | 'final';

export interface SuiteHooks {
  signal?: AbortSignal;
  emit?: (event: SuiteEvent) => void;
  /** 'partial' after each trial (cheap formats suffice), 'final' once at the end, on Ctrl-C and on error */
  persist: (results: SuiteResults, stage?: PersistStage) => Promise<void>;
}

export async function runSuite(plan: SuitePlan, hooks: SuiteHooks): Promise<SuiteResults> {
  const results: SuiteResults = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'suite',
    createdAt: new Date().toISOString(),
    profile: plan.profile,
    complete: false,
    options: plan.options,
    environment: collectEnvironment(plan.cwd),
    experiments: [],
  };
  const queue = await runnableQueue(plan, results, hooks.emit);
  const step = announcePlan(plan, queue, hooks.emit);
  try {
    for (const group of byExperiment(queue)) {
      if (hooks.signal?.aborted) break;
      await runExperiment(plan, hooks, results, group, step);
    }
  } catch (error: unknown) {
    // what finished before the failure is kept, in every format
    await hooks.persist(results, 'final').catch(() => undefined);
    throw error;
  }
  results.complete = !hooks.signal?.aborted;
  await hooks.persist(results, 'final');
  return results;
}

/** the variants selected and in the profile, less those whose backend is missing (recorded as skipped) */
async function runnableQueue(
  plan: SuitePlan,
  results: SuiteResults,
  emit: SuiteHooks['emit'],
): Promise<QueueItem[]> {
  const selected = plan.queue;
  // docker stacks bring their own backends
  const skipped =
    plan.stack === 'docker'
      ? []
      : await checkServices(selected, { explicit: plan.variants, ...(plan.env ? { env: plan.env } : {}) });
  recordSkipped(results, plan.experiments, selected, skipped, emit);
  return selected.filter(
    (item) =>
      !skipped.some((skip) => skip.experiment === item.experiment.name && skip.name === item.variant.name),
  );
}

/** starts one phase of a variant (announced with the time left) and returns what marks it done */
type PhaseStep = (item: QueueItem, seconds: number, description?: string) => () => void;

/** the plan line's event, and the phase announcer that counts the time left down from its ETA */
function announcePlan(plan: SuitePlan, queue: readonly QueueItem[], emit: SuiteHooks['emit']): PhaseStep {
  const itemSeconds = (item: QueueItem) =>
    variantSeconds(item, plan.trials) + (item.capacity ? capacitySeconds(item.capacity) : 0);
  let remaining = queue.reduce((sum, item) => sum + itemSeconds(item), 0);
  emit?.({
    type: 'plan',
    command: 'run',
    title: `scalebench run (${plan.label ?? plan.profile})`,
    profile: plan.label ?? plan.profile,
    variants: queue.map((item) => ({ experiment: item.experiment.name, variant: item.variant.name })),
    trials: plan.trials,
    etaSeconds: remaining,
    rates: Object.fromEntries(byExperiment(queue).flatMap((group) => rateWords(plan, group))),
  });
  return (item, seconds, description) => {
    emit?.({
      type: 'variant-start',
      experiment: item.experiment.name,
      variant: item.variant.name,
      index: queue.indexOf(item),
      total: queue.length,
      etaSeconds: remaining,
      ...(description ? { description } : {}),
    });
    return () => {
      remaining -= seconds;
    };
  };
}

/**
 * One experiment: its searched variants' capacities measured first, then every variant compared at one
 * rate derived from them (comparison-rate.ts), so latency is compared below saturation.
 */
async function runExperiment(
  plan: SuitePlan,
  hooks: SuiteHooks,
  results: SuiteResults,
  group: readonly QueueItem[],
  step: PhaseStep,
): Promise<void> {
  const measured = new Map<string, CapacityFields>();
  for (const item of group) {
    if (!item.capacity) continue;
    if (hooks.signal?.aborted) return;
    const done = step(
      item,
      capacitySeconds(item.capacity),
      'capacity search first: every variant is then compared at one rate below the smallest capacity',
    );
    measured.set(item.variant.name, await measureCapacity(plan, hooks, item, measured));
    done();
  }
  if (hooks.signal?.aborted) return;
  const rate = comparisonFor(plan, group, measured);
  // the rate enters the results with the experiment's first stored variant: an experiment none of
  // whose variants finished a trial has nothing to show
  if (rate) hooks.emit?.({ type: 'comparison-rate', experiment: group[0]!.experiment.name, ...rate });
  for (const item of group) {
    if (hooks.signal?.aborted) return;
    const done = step(item, variantSeconds(item, plan.trials), item.variant.description);
    await runQueueItem(plan, hooks, results, item, rate, {
      ...(rate ? { rate: { rate: rate.rate, derivation: rate.derivation } } : {}),
      ...(measured.has(item.variant.name) ? { measured: measured.get(item.variant.name)! } : {}),
    });
    done();
  }
}

/** Runs one variant; its result enters `results` with its first finished trial and is updated after each. */
async function runQueueItem(
  plan: SuitePlan,
  hooks: SuiteHooks,
  results: SuiteResults,
  item: QueueItem,
  comparison: ComparisonRate | null,
  compared: Pick<VariantPlan, 'rate' | 'measured'>,
): Promise<void> {
  const { experiment, variant } = item;
  const store = (partial: VariantResult) => {
    const slot = experimentSlot(results, experiment, plan.experiments);
    if (comparison) slot.comparison = comparison;
    const at = slot.variants.findIndex((existing) => existing.name === partial.name);
    if (at === -1) slot.variants.push(partial);
    else slot.variants[at] = partial;
  };
  const outcome = await runVariant(
    { ...(await variantPlan(plan, item)), findCapacity: false, ...compared },
    {
      signal: hooks.signal,
      emit: hooks.emit,
      onPartial: async (partial) => {
        store(partial);
        await hooks.persist(results, 'partial');
      },
    },
  );
  // a variant interrupted before its first trial finished has nothing to show
  if (outcome.trials.length === 0) return;
  store(outcome);
  // the trials are on disk already; the load's share of the capacity is news
  if (outcome.load) await hooks.persist(results, 'partial');
  const verdict = variantVerdict(outcome);
  hooks.emit?.({
    type: 'variant-done',
    experiment: experiment.name,
    variant: variant.name,
    failedThresholds: outcome.thresholds.filter((threshold) => !threshold.passed).length,
    valid: outcome.trials.every((trial) => trial.summary.valid),
    verdicts: verdictLines(verdict),
    clean: verdict.clean,
  });
}

/** Skipped variants enter their experiment's results; one notice per missing backend. */
function recordSkipped(
  results: SuiteResults,
  order: readonly string[],
  selected: readonly QueueItem[],
  skipped: readonly SkippedItem[],
  emit: SuiteHooks['emit'],
): void {
  for (const { experiment: experimentName, ...skip } of skipped) {
    const experiment = selected.find((item) => item.experiment.name === experimentName)!.experiment;
    const slot = experimentSlot(results, experiment, order);
    slot.skipped = [...(slot.skipped ?? []), skip];
  }
  const reasons = [...new Set(skipped.map((skip) => skip.reason))];
  for (const reason of reasons) {
    const same = skipped.filter((skip) => skip.reason === reason);
    emit?.({
      type: 'variants-skipped',
      variants: same.map((skip) => `${skip.experiment}/${skip.name}`),
      reason,
      remedy: same[0]!.remedy,
    });
  }
}

/** The experiment's results, made when first needed, in the plan's order (a skip makes one early). */
function experimentSlot(
  results: SuiteResults,
  experiment: ExperimentDefinition,
  order: readonly string[],
): ExperimentResult {
  const existing = results.experiments.find((slot) => slot.name === experiment.name);
  if (existing) return existing;
  const slot: ExperimentResult = { name: experiment.name, title: experiment.title, variants: [] };
  const later = results.experiments.findIndex(
    (other) => order.indexOf(other.name) > order.indexOf(experiment.name),
  );
  if (later === -1) results.experiments.push(slot);
  else results.experiments.splice(later, 0, slot);
  return slot;
}
