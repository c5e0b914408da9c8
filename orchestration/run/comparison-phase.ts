/**
 * The comparison phase of an experiment: its searched variants' capacities measured first, and the one
 * rate every variant is then compared at (comparison-rate.ts), or how the plan line names it beforehand.
 */
import type { ExperimentDefinition } from '../../scenarios/types.ts';
import { capacityHint } from './capacity-hint.ts';
import { type ComparisonRate, comparisonRate, DEFAULT_RATE_FRACTION } from './comparison-rate.ts';
import type { SuiteEvent } from './events.ts';
import { runVariant } from './run-variant.ts';
import type { QueueItem, SuitePlan } from './suite-plan.ts';
import { declaredRate } from './trial-load.ts';
import { type CapacityFields, variantPlan } from './variant-plan.ts';

/**
 * The rate the experiment's variants are compared at: --rate when given; else a fraction of the smallest
 * capacity measured (after faults); else the profile's declared rate. None for a load without one rate.
 */
export function comparisonFor(
  plan: SuitePlan,
  group: readonly QueueItem[],
  measured: ReadonlyMap<string, CapacityFields>,
): ComparisonRate | null {
  const declared = declaredRate(group[0]!.trial);
  if (declared === null) return null;
  const fraction = plan.rateFraction ?? DEFAULT_RATE_FRACTION;
  if (plan.rate !== undefined)
    return { rate: plan.rate, derivation: 'fixed', fraction, reason: 'the rate --rate set' };
  return comparisonRate(
    group
      .filter((item) => measured.has(item.variant.name))
      .map(({ variant, faults }) => ({
        name: variant.name,
        capacity: measured.get(variant.name)!.capacity ?? null,
        capped: measured.get(variant.name)!.capped === true,
        ...(variant.clones === undefined ? {} : { clones: variant.clones }),
        faults,
      })),
    fraction,
    declared,
  );
}

/** how the plan line names an experiment's comparison rate, before anything ran */
export function rateWords(plan: SuitePlan, group: readonly QueueItem[]): [string, string][] {
  const experiment = group[0]!.experiment;
  const declared = declaredRate(group[0]!.trial);
  if (declared === null) return [];
  if (plan.rate !== undefined) return [[experiment.name, `${plan.rate}/s, --rate`]];
  if (group.some((item) => item.capacity)) return [[experiment.name, 'rate from capacity']];
  return [[experiment.name, `${declared}/s declared`]];
}

/** One variant's capacity search, before any variant of its experiment runs its trials. */
export async function measureCapacity(
  plan: SuitePlan,
  hooks: { signal?: AbortSignal; emit?: (event: SuiteEvent) => void },
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
  const hint = item.capacity ? capacityHint(earlier, variant, item.capacity.search.step) : null;
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
