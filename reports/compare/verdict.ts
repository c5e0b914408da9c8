/**
 * The direction-aware verdict of one metric. "Bad" is a rise for lower-is-better metrics and a fall for
 * higher-is-better ones; the threshold is relative for ratios and absolute for differences.
 *   REGRESSED    significant (p < 0.05) and the whole 95% CI beyond the threshold in the bad direction
 *   IMPROVED     significant and the whole CI beyond the threshold in the good direction
 *   INCONCLUSIVE fewer than 4 trials in an arm, or the CI reaches past the bad threshold without lying
 *                wholly beyond it (too much spread to rule a regression in or out)
 *   NO-CHANGE    otherwise: the CI rules out a change larger than the threshold in the bad direction
 */
import type { Interval } from '../model/stats.ts';
import type { MetricDefinition } from './metrics.ts';

export type Verdict = 'REGRESSED' | 'IMPROVED' | 'NO-CHANGE' | 'INCONCLUSIVE';

export const MIN_TRIALS = 4;
export const ALPHA = 0.05;

export interface VerdictInput {
  metric: MetricDefinition;
  ci: Interval;
  pValue: number;
  trials: { baseline: number; candidate: number };
  /** relative for ratio metrics (0.1 = 10%), absolute for difference metrics */
  threshold: number;
}

export interface VerdictResult {
  verdict: Verdict;
  reason: string;
}

/** Maps the CI into "badness": positive means worse, so one rule serves both directions and both modes. */
function badness(metric: MetricDefinition, ci: Interval): Interval {
  const center = metric.mode === 'ratio' ? 1 : 0;
  const sign = metric.better === 'lower' ? 1 : -1;
  const a = sign * (ci.lower - center);
  const b = sign * (ci.upper - center);
  return { lower: Math.min(a, b), upper: Math.max(a, b) };
}

export function decideVerdict(input: VerdictInput): VerdictResult {
  const { baseline, candidate } = input.trials;
  if (baseline < MIN_TRIALS || candidate < MIN_TRIALS) {
    return {
      verdict: 'INCONCLUSIVE',
      reason: `${Math.min(baseline, candidate)} trials; need at least ${MIN_TRIALS} in each arm`,
    };
  }
  const bad = badness(input.metric, input.ci);
  const significant = input.pValue < ALPHA;
  const t = input.threshold;
  if (bad.lower > t) {
    return significant
      ? { verdict: 'REGRESSED', reason: 'significant, whole CI beyond the threshold' }
      : {
          verdict: 'INCONCLUSIVE',
          reason: `CI beyond the threshold but p=${input.pValue.toFixed(3)} ≥ ${ALPHA}`,
        };
  }
  if (bad.upper > t) {
    return { verdict: 'INCONCLUSIVE', reason: 'too much spread: the CI straddles the threshold' };
  }
  if (bad.upper < -t && significant) {
    return { verdict: 'IMPROVED', reason: 'significant, whole CI beyond the threshold' };
  }
  return { verdict: 'NO-CHANGE', reason: 'CI within the threshold' };
}
