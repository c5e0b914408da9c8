/**
 * Bootstrap 95% confidence interval of a two-sample statistic (ratio or difference of medians):
 * both arms are resampled with replacement, independently, from a seeded generator.
 */

import { type Random, seededRandom } from '../../core/seeded-random.ts';
import type { Interval } from '../model/stats.ts';
import { median } from '../model/stats.ts';

export type TwoSampleStatistic = (baseline: readonly number[], candidate: readonly number[]) => number;

export const ratioOfMedians: TwoSampleStatistic = (baseline, candidate) => {
  const base = median(baseline);
  const cand = median(candidate);
  if (base === 0) return cand === 0 ? 1 : Number.POSITIVE_INFINITY;
  return cand / base;
};

export const differenceOfMedians: TwoSampleStatistic = (baseline, candidate) =>
  median(candidate) - median(baseline);

function resample(values: readonly number[], random: Random): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i += 1) out[i] = values[Math.floor(random() * values.length)]!;
  return out;
}

function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

export interface BootstrapOptions {
  resamples?: number;
  seed?: number;
}

export function bootstrapInterval(
  baseline: readonly number[],
  candidate: readonly number[],
  statistic: TwoSampleStatistic,
  { resamples = 2000, seed = 0x5ca1eb }: BootstrapOptions = {},
): Interval {
  const random = seededRandom(seed);
  const estimates = new Array<number>(resamples);
  for (let i = 0; i < resamples; i += 1) {
    estimates[i] = statistic(resample(baseline, random), resample(candidate, random));
  }
  estimates.sort((a, b) => a - b);
  return { lower: quantile(estimates, 0.025), upper: quantile(estimates, 0.975) };
}
