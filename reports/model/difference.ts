/**
 * Whether two figures differ enough to say so. With one trial there is no spread to go by, so small
 * ratios and sub-half-millisecond gaps are "about the same"; with two or more trials a difference is
 * claimed only when the 95% confidence intervals do not overlap.
 */
import type { MetricStats } from './stats.ts';

export type Direction = 'lower' | 'higher' | 'same';

/** single-trial differences under this ratio are not claimed */
export const SINGLE_TRIAL_RATIO = 1.5;
/** single-trial latency differences under this many ms are not claimed */
export const SINGLE_TRIAL_MS = 0.5;

export interface DifferenceOptions {
  /** smallest absolute gap worth a claim with one trial (e.g. 0.5 for ms); 0 for none */
  minAbsolute: number;
}

/** How `candidate` compares with `baseline`: lower, higher or the same within the noise. */
export function compareStats(
  baseline: MetricStats,
  candidate: MetricStats,
  options: DifferenceOptions = { minAbsolute: SINGLE_TRIAL_MS },
): Direction {
  const direction: Direction = candidate.mean < baseline.mean ? 'lower' : 'higher';
  if (baseline.ci && candidate.ci) {
    const overlap = candidate.ci.lower <= baseline.ci.upper && baseline.ci.lower <= candidate.ci.upper;
    return overlap || candidate.mean === baseline.mean ? 'same' : direction;
  }
  const low = Math.min(baseline.mean, candidate.mean);
  const high = Math.max(baseline.mean, candidate.mean);
  if (high - low < options.minAbsolute) return 'same';
  if (low <= 0) return high > 0 ? direction : 'same';
  return high / low < SINGLE_TRIAL_RATIO ? 'same' : direction;
}

/** baseline / candidate when lower, candidate / baseline when higher: always ≥ 1 */
export function factorBetween(baseline: number, candidate: number): number {
  const low = Math.min(baseline, candidate);
  const high = Math.max(baseline, candidate);
  return low > 0 ? high / low : Number.POSITIVE_INFINITY;
}
