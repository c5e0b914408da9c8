/**
 * The experiment suite: every selected experiment and variant in turn, the results rewritten after each
 * trial through `persist` (so a failure or Ctrl-C later loses nothing), complete=false until the end.
 * The last write is marked 'final' — also when a variant fails — so costly formats can wait for it.
 */

import { durationMs } from '../../load-model/duration.ts';
import { collectEnvironment } from '../../results/environment.ts';
import type { ExperimentResult, SuiteResults, VariantResult } from '../../results/schema.ts';
import { SCHEMA_VERSION } from '../../results/schema-version.ts';
import { variantVerdict, verdictLines } from '../../results/variant-verdicts.ts';
import {
  declaredRate,
  type ExperimentDefinition,
  type ProfileName,
  profileLoad,
  type VariantDefinition,
} from '../../scenarios/types.ts';
import { resolveServerSize } from '../../targets/sizing/confine.ts';
import {
  DEFAULT_SERVER_CPUS,
  parseServerSize,
  type ServerSizeRequest,
} from '../../targets/sizing/server-size.ts';
import { containerServerSize } from '../stack/container-size.ts';
import { TARGET_WARMUP_MS } from './capacity.ts';
import { capacityHint } from './capacity-hint.ts';
import { type ComparisonRate, comparisonRate, DEFAULT_RATE_FRACTION } from './comparison-rate.ts';
import type { SuiteEvent } from './events.ts';
import type { LoadedExperiment } from './load-config.ts';
import { type CapacityFields, runVariant, type VariantPlan } from './run-variant.ts';
import { checkServices, type SkippedItem } from './service-check.ts';
import { stepLengthMs } from './step-length.ts';

export interface SuitePlan {
  experiments: LoadedExperiment[];
  profile: ProfileName;
  /** what the run is called where it differs from the profile ('workshop'): the plan's title says it */
  label?: string;
  trials: number;
  findCapacity: boolean;
  logDir: string;
  /** where the environment fingerprint (git commit) is read */
  cwd: string;
  /** variant names to run; empty: all */
  variants: string[];
  stack?: 'local' | 'docker';
  /** the size of every server process of the targets (--server-size); default: each experiment's own */
  serverSize?: ServerSizeRequest;
  options: Record<string, unknown>;
  /** --rate: every experiment's variants are compared at this fixed rate instead of one from capacity */
  rate?: number;
  /** --rate-fraction: the share of the smallest capacity the variants are compared at (default 0.7) */
  rateFraction?: number;
  /** where REDIS_URL / DATABASE_URL / AMQP_URL are read for the service check (default process.env) */
  env?: Record<string, string | undefined>;
}

/** the quick profile skips variants marked quick: false, unless they were named with --variant */
function inProfile(variant: VariantDefinition, plan: SuitePlan): boolean {
  return plan.profile !== 'quick' || variant.quick !== false || plan.variants.includes(variant.name);
}

/**
 * Whether a variant's capacity is searched: always with --find-capacity; in the full profile for every
 * variant; in the default profile for the variants that carry the headline, and in the quick one too
 * unless the search says `quick: false`.
 */
export function searchesCapacity(
  experiment: ExperimentDefinition,
  variant: VariantDefinition,
  profile: ProfileName,
  findCapacity: boolean,
): boolean {
  if (!experiment.capacity) return false;
  if (findCapacity || profile === 'full') return true;
  if (profile === 'quick' && experiment.capacity.quick === false) return false;
  return experiment.capacity.headline?.includes(variant.name) === true;
}

export type PersistStage = 'partial' | 'final';

export interface SuiteHooks {
  signal?: AbortSignal;
  emit?: (event: SuiteEvent) => void;
  /** 'partial' after each trial (cheap formats suffice), 'final' once at the end, on Ctrl-C and on error */
  persist: (results: SuiteResults, stage?: PersistStage) => Promise<void>;
}

/** Seconds one variant is expected to take: trials × (warm-up + duration + start/stop overhead). */
export function variantSeconds(
  experiment: ExperimentDefinition,
  profile: ProfileName,
  trials: number,
): number {
  const load = profileLoad(experiment, profile);
  const executor = load.executor;
  const runMs =
    'duration' in executor
      ? (durationMs(executor.duration) ?? 0)
      : executor.stages.reduce((sum, stage) => sum + (durationMs(stage.duration) ?? 0), 0);
  return trials * ((runMs + (durationMs(load.warmup) ?? 0)) / 1000 + 1) + 2;
}

/** Seconds a capacity search is expected to take: about six steps of warm-up + step + settling. */
export function capacitySeconds(experiment: ExperimentDefinition, variant?: VariantDefinition): number {
  const search = experiment.capacity;
  if (!search) return 0;
  // a step measures 500 requests or 2 s (step-length.ts); flows make about 1.5 requests an iteration
  const start = variant?.capacityStartRate ?? search.startRate;
  const measuredMs = stepLengthMs(start, 1.5, durationMs(search.stepDuration) ?? 0, search.minStep);
  const stepMs = measuredMs + (durationMs(search.warmup ?? '500ms') ?? 0) + 600;
  return Math.round((6 * stepMs + TARGET_WARMUP_MS) / 1000);
}

interface QueueItem {
  experiment: ExperimentDefinition;
  variant: VariantDefinition;
  baseDir: string;
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
  const selected: QueueItem[] = plan.experiments.flatMap(({ experiment, baseDir }) =>
    experiment.variants
      .filter((variant) => plan.variants.length === 0 || plan.variants.includes(variant.name))
      .filter((variant) => inProfile(variant, plan))
      .map((variant) => ({ experiment, variant, baseDir })),
  );
  // docker stacks bring their own backends
  const skipped =
    plan.stack === 'docker'
      ? []
      : await checkServices(selected, { explicit: plan.variants, ...(plan.env ? { env: plan.env } : {}) });
  recordSkipped(results, experimentOrder(plan), selected, skipped, hooks.emit);
  const queue = selected.filter(
    (item) =>
      !skipped.some((skip) => skip.experiment === item.experiment.name && skip.name === item.variant.name),
  );
  const itemSeconds = (item: QueueItem) =>
    variantSeconds(item.experiment, plan.profile, plan.trials) +
    (searches(plan, item) ? capacitySeconds(item.experiment, item.variant) : 0);
  let remaining = queue.reduce((sum, item) => sum + itemSeconds(item), 0);
  hooks.emit?.({
    type: 'plan',
    command: 'run',
    title: `scalebench run (${plan.label ?? plan.profile})`,
    profile: plan.label ?? plan.profile,
    variants: queue.map((item) => ({ experiment: item.experiment.name, variant: item.variant.name })),
    trials: plan.trials,
    etaSeconds: remaining,
    rates: Object.fromEntries(byExperiment(queue).flatMap((group) => rateWords(plan, group))),
  });
  // each experiment measures its searched variants' capacities first, then compares every variant at
  // one rate derived from them (comparison-rate.ts), so latency is compared below saturation
  const step = (item: QueueItem, seconds: number, description?: string) => {
    hooks.emit?.({
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
  try {
    for (const group of byExperiment(queue)) {
      const measured = new Map<string, CapacityFields>();
      for (const item of group.filter((one) => searches(plan, one))) {
        if (hooks.signal?.aborted) break;
        const done = step(
          item,
          capacitySeconds(item.experiment, item.variant),
          'capacity search first: every variant is then compared at one rate below the smallest capacity',
        );
        measured.set(item.variant.name, await measureCapacity(plan, hooks, item, measured));
        done();
      }
      if (hooks.signal?.aborted) break;
      const rate = comparisonFor(plan, group, measured);
      // the rate enters the results with the experiment's first stored variant: an experiment none of
      // whose variants finished a trial has nothing to show
      if (rate) {
        hooks.emit?.({ type: 'comparison-rate', experiment: group[0]!.experiment.name, ...rate });
      }
      for (const item of group) {
        if (hooks.signal?.aborted) break;
        const done = step(
          item,
          variantSeconds(item.experiment, plan.profile, plan.trials),
          item.variant.description,
        );
        await runQueueItem(plan, hooks, results, item, rate, {
          ...(rate ? { rate: { rate: rate.rate, derivation: rate.derivation } } : {}),
          ...(measured.has(item.variant.name) ? { measured: measured.get(item.variant.name)! } : {}),
        });
        done();
      }
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

const searches = (plan: SuitePlan, item: QueueItem) =>
  searchesCapacity(item.experiment, item.variant, plan.profile, plan.findCapacity);

/** the queue's items grouped by experiment, in the queue's order */
function byExperiment(queue: readonly QueueItem[]): QueueItem[][] {
  const groups = new Map<string, QueueItem[]>();
  for (const item of queue) {
    const group = groups.get(item.experiment.name) ?? [];
    group.push(item);
    groups.set(item.experiment.name, group);
  }
  return [...groups.values()];
}

/**
 * The rate the experiment's variants are compared at: --rate when given; else a fraction of the smallest
 * capacity measured (after faults); else the profile's declared rate. None for a load without one rate.
 */
function comparisonFor(
  plan: SuitePlan,
  group: readonly QueueItem[],
  measured: ReadonlyMap<string, CapacityFields>,
): ComparisonRate | null {
  const experiment = group[0]!.experiment;
  const declared = declaredRate(profileLoad(experiment, plan.profile));
  if (declared === null) return null;
  const fraction = plan.rateFraction ?? DEFAULT_RATE_FRACTION;
  if (plan.rate !== undefined)
    return { rate: plan.rate, derivation: 'fixed', fraction, reason: 'the rate --rate set' };
  return comparisonRate(
    group
      .filter((item) => measured.has(item.variant.name))
      .map(({ variant }) => ({
        name: variant.name,
        capacity: measured.get(variant.name)!.capacity ?? null,
        capped: measured.get(variant.name)!.capped === true,
        ...(variant.clones === undefined ? {} : { clones: variant.clones }),
        faults: variant.faults ?? experiment.faults ?? [],
      })),
    fraction,
    declared,
  );
}

/** how the plan line names an experiment's comparison rate, before anything ran */
function rateWords(plan: SuitePlan, group: readonly QueueItem[]): [string, string][] {
  const experiment = group[0]!.experiment;
  const declared = declaredRate(profileLoad(experiment, plan.profile));
  if (declared === null) return [];
  if (plan.rate !== undefined) return [[experiment.name, `${plan.rate}/s, --rate`]];
  if (group.some((item) => searches(plan, item))) return [[experiment.name, 'rate from capacity']];
  return [[experiment.name, `${declared}/s declared`]];
}

/** One variant's capacity search, before any variant of its experiment runs its trials. */
async function measureCapacity(
  plan: SuitePlan,
  hooks: SuiteHooks,
  item: QueueItem,
  measured: ReadonlyMap<string, CapacityFields>,
): Promise<CapacityFields> {
  const { experiment, variant } = item;
  const earlier = [...measured].map(([name, fields]) => ({
    name,
    capacity: fields.capacity ?? null,
    capped: fields.capped === true,
    ...clonesOf(experiment, name),
  }));
  const hint = experiment.capacity ? capacityHint(earlier, variant, experiment.capacity.step) : null;
  const outcome = await runVariant(
    {
      ...(await variantPlan(plan, item)),
      trials: 0,
      findCapacity: true,
      ...(hint ? { capacityHint: hint } : {}),
    },
    { signal: hooks.signal, emit: hooks.emit },
  );
  const { capacity, capped, slo, hostIdleAtKnee, hostBound, capacitySteps, servers } = outcome;
  return { capacity, capped, slo, hostIdleAtKnee, hostBound, capacitySteps, servers };
}

function clonesOf(experiment: ExperimentDefinition, name: string): { clones?: number } {
  const clones = experiment.variants.find((variant) => variant.name === name)?.clones;
  return clones === undefined ? {} : { clones };
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
    const slot = experimentSlot(results, experiment, experimentOrder(plan));
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

/** what every phase of a variant shares: its target, size, stack and logs */
async function variantPlan(
  plan: SuitePlan,
  { experiment, variant, baseDir }: QueueItem,
): Promise<VariantPlan> {
  return {
    experiment,
    variant,
    profile: plan.profile,
    trials: plan.trials,
    findCapacity: false,
    logDir: plan.logDir,
    server:
      plan.stack === 'docker'
        ? containerServerSize(serverRequest(plan, experiment))
        : await resolveServerSize(serverRequest(plan, experiment)),
    baseDir,
    ...(plan.serverSize ? { serverOverridden: true } : {}),
    ...(plan.stack ? { stack: plan.stack } : {}),
    ...(plan.env ? { env: plan.env } : {}),
  };
}

function experimentOrder(plan: SuitePlan): string[] {
  return plan.experiments.map(({ experiment }) => experiment.name);
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

/** --server-size, else the experiment's serverSize, else DEFAULT_SERVER_CPUS CPUs */
function serverRequest(plan: SuitePlan, experiment: ExperimentDefinition): ServerSizeRequest {
  if (plan.serverSize) return plan.serverSize;
  return experiment.serverSize
    ? parseServerSize(experiment.serverSize)
    : { kind: 'cpus', cpus: DEFAULT_SERVER_CPUS };
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
