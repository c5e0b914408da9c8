/**
 * Which target of a multi-target `bench` the next iteration sends. Round-robin walks a precomputed cycle
 * in which each target appears as many times as its weight, spread out (smooth weighted round-robin, as
 * nginx does it); weighted draws at random by weight from a seeded generator. One picker per thread.
 */
import { seededRandom } from '../../core/seeded-random.ts';
import type { TargetPick } from '../../load-model/types.ts';

export type TargetPicker = () => number;

/** the longest cycle kept; larger integer weights are scaled down to fit (their ratios kept closely) */
const MAX_CYCLE = 10_000;

/** Smooth weighted round-robin: each turn, every target gains its weight and the richest one pays the total. */
export function roundRobinCycle(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const scale = total > MAX_CYCLE ? MAX_CYCLE / total : 1;
  const scaled = weights.map((weight) => Math.max(1, Math.round(weight * scale)));
  const length = scaled.reduce((sum, weight) => sum + weight, 0);
  const current = scaled.map(() => 0);
  const cycle: number[] = [];
  for (let turn = 0; turn < length; turn += 1) {
    let best = 0;
    for (let i = 0; i < scaled.length; i += 1) {
      current[i]! += scaled[i]!;
      if (current[i]! > current[best]!) best = i;
    }
    current[best]! -= length;
    cycle.push(best);
  }
  return cycle;
}

export function createTargetPicker(weights: readonly number[], pick: TargetPick, seed = 1): TargetPicker {
  if (weights.length === 1) return () => 0;
  if (pick === 'weighted') {
    const random = seededRandom(seed);
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const bounds: number[] = [];
    let sum = 0;
    for (const weight of weights) {
      sum += weight;
      bounds.push(sum / total);
    }
    return () => {
      const draw = random();
      let i = 0;
      while (i < bounds.length - 1 && draw >= bounds[i]!) i += 1;
      return i;
    };
  }
  const cycle = roundRobinCycle(weights);
  let next = 0;
  return () => {
    const index = cycle[next]!;
    next = next + 1 === cycle.length ? 0 : next + 1;
    return index;
  };
}
