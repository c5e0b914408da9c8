/**
 * Where a fleet's capacity search starts: a bigger fleet of a store already measured in this run (stateless-1
 * before stateless-4) starts just below what linear scaling from the measured one predicts, and grows in
 * small steps, so its search spends its long steps near the knee instead of doubling past it and bisecting
 * back. Without such a measurement the variant's own start rate (or the experiment's) holds.
 */
import type { VariantResult } from '../../results/schema.ts';

/** start at this share of the linear prediction: sub-linear scaling still holds there */
export const HINT_SHARE = 0.8;
/** growth from a predicted start: a quarter more each step */
export const HINT_GROWTH = 1.25;

export interface CapacityHint {
  startRate: number;
  growth: number;
  /** the variant the prediction scales from */
  from: string;
}

const storeOf = (name: string) => name.replace(/-\d+$/, '');

export function capacityHint(
  earlier: readonly Pick<VariantResult, 'name' | 'capacity' | 'capped' | 'clones'>[],
  variant: { name: string; clones?: number },
  resolution: number,
): CapacityHint | null {
  if (variant.clones === undefined) return null;
  const measured = earlier.filter(
    (other) =>
      storeOf(other.name) === storeOf(variant.name) &&
      other.clones !== undefined &&
      other.clones < variant.clones! &&
      other.capacity !== null &&
      other.capacity > 0 &&
      other.capped !== true,
  );
  // the largest fleet measured so far predicts best
  const base = measured.sort((a, b) => b.clones! - a.clones!)[0];
  if (!base) return null;
  const predicted = (base.capacity! / base.clones!) * variant.clones * HINT_SHARE;
  const startRate = Math.max(resolution, Math.round(predicted / resolution) * resolution);
  return { startRate, growth: HINT_GROWTH, from: base.name };
}
