/**
 * The one rate an experiment's variants are compared at: a declared fraction (70% unless --rate-fraction
 * says otherwise) of the smallest capacity any compared variant has — after its fault too, since two
 * clones with one killed carry one clone's load — so latency is compared at equal load below saturation
 * (issue 28). Without a capacity to derive from, the scenario's declared rate holds and is marked so.
 */
import type { ExperimentResult } from '../../results/schema.ts';
import type { FaultStep } from '../../scenarios/types.ts';

export const DEFAULT_RATE_FRACTION = 0.7;

export interface MeasuredVariant {
  name: string;
  /** iterations per second where the SLO broke; null: none found */
  capacity: number | null;
  /** the capacity is the search's ceiling, a floor only */
  capped: boolean;
  clones?: number;
  faults: readonly Pick<FaultStep, 'action' | 'kind' | 'index'>[];
}

export type ComparisonRate = NonNullable<ExperimentResult['comparison']>;

/** the share of a fleet left once its trial's faults have killed clones: 2 clones, one killed → 1/2 */
export function survivingShare(variant: Pick<MeasuredVariant, 'clones' | 'faults'>): number {
  const clones = variant.clones ?? 1;
  const killed = new Set(
    variant.faults
      .filter((fault) => fault.kind === 'clone' && fault.action === 'kill' && fault.index < clones)
      .map((fault) => fault.index),
  );
  if (killed.size === 0 || clones <= 1) return 1;
  return (clones - killed.size) / clones;
}

/** rates below 10/s keep one decimal, higher ones are whole: a rate is a setting, not a measurement */
function roundDown(rate: number): number {
  // 12 × 0.7 is 8.3999…: a hair of tolerance keeps it 8.4
  return rate >= 10 ? Math.floor(rate + 1e-9) : Math.floor(rate * 10 + 1e-9) / 10;
}

export function comparisonRate(
  measured: readonly MeasuredVariant[],
  fraction: number,
  declaredRate: number,
): ComparisonRate {
  const after = measured
    .filter((variant) => variant.capacity !== null && variant.capacity > 0)
    .map((variant) => ({
      name: variant.name,
      capacity: variant.capacity! * survivingShare(variant),
      faulted: survivingShare(variant) < 1,
    }));
  if (after.length === 0) {
    return {
      rate: declaredRate,
      derivation: 'fixed',
      fraction,
      reason:
        measured.length === 0
          ? 'no capacity was searched in this run: the scenario’s declared rate'
          : 'no capacity search found a rate that held: the scenario’s declared rate',
    };
  }
  const smallest = after.reduce((least, variant) => (variant.capacity < least.capacity ? variant : least));
  const rate = Math.max(0.1, roundDown(smallest.capacity * fraction));
  return {
    rate,
    derivation: 'from-capacity',
    fraction,
    from: smallest.name,
    limitingCapacity: Math.round(smallest.capacity * 10) / 10,
    reason: `${Math.round(fraction * 100)}% of ${smallest.name}'s capacity ${formatted(smallest.capacity)}/s${smallest.faulted ? ' after its fault' : ''}, the smallest of the compared variants`,
  };
}

function formatted(rate: number): string {
  return rate >= 10 ? String(Math.round(rate)) : rate.toFixed(1);
}
