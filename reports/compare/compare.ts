/**
 * `compare` as a pure function: two results files in, one row per experiment/variant × metric out, each
 * with medians, the bootstrap 95% CI of the change, a Mann–Whitney p-value and a verdict; plus the
 * overall verdict and the exit code it maps to (0 pass, 1 regression, 3 inconclusive).
 */
import { ExitCode, type ExitCodeValue } from '../../core/errors.ts';
import type { ResultsFile } from '../../results/schema.ts';
import { median } from '../model/stats.ts';
import { bootstrapInterval, differenceOfMedians, ratioOfMedians } from './bootstrap.ts';
import { fingerprintDifferences } from './fingerprint.ts';
import { mannWhitneyU } from './mann-whitney.ts';
import { ERROR_RATE_TOLERANCE, type MetricDefinition } from './metrics.ts';
import { type PairedSets, pairSets, pairTrialSets, type TrialSet } from './samples.ts';
import { decideVerdict, type Verdict } from './verdict.ts';

export interface ComparisonRow {
  key: string;
  metric: string;
  unit: MetricDefinition['unit'];
  better: MetricDefinition['better'];
  mode: MetricDefinition['mode'];
  baseline: { trials: number; median: number };
  candidate: { trials: number; median: number };
  /** candidate/baseline for ratios, candidate − baseline for differences */
  estimate: number;
  ci: { lower: number; upper: number };
  pValue: number;
  threshold: number;
  verdict: Verdict;
  reason: string;
}

export interface Comparison {
  threshold: number;
  verdict: Verdict;
  exitCode: ExitCodeValue;
  warnings: string[];
  rows: ComparisonRow[];
}

export interface CompareOptions {
  /** relative threshold for ratio metrics, 0.1 = 10% */
  threshold: number;
  metrics: MetricDefinition[];
  seed?: number;
  /** compare only this step's requests (`--step login`) */
  step?: string;
}

function compareMetric(
  key: string,
  metric: MetricDefinition,
  baseline: number[],
  candidate: number[],
  options: CompareOptions,
): ComparisonRow {
  const statistic = metric.mode === 'ratio' ? ratioOfMedians : differenceOfMedians;
  const threshold = metric.mode === 'ratio' ? options.threshold : ERROR_RATE_TOLERANCE;
  const ci = bootstrapInterval(baseline, candidate, statistic, { seed: options.seed });
  const { pValue } = mannWhitneyU(baseline, candidate);
  const trials = { baseline: baseline.length, candidate: candidate.length };
  const { verdict, reason } = decideVerdict({ metric, ci, pValue, trials, threshold });
  return {
    key,
    metric: metric.name,
    unit: metric.unit,
    better: metric.better,
    mode: metric.mode,
    baseline: { trials: baseline.length, median: median(baseline) },
    candidate: { trials: candidate.length, median: median(candidate) },
    estimate: statistic(baseline, candidate),
    ci,
    pValue,
    threshold,
    verdict,
    reason,
  };
}

function overall(rows: ComparisonRow[]): { verdict: Verdict; exitCode: ExitCodeValue } {
  if (rows.some((row) => row.verdict === 'REGRESSED'))
    return { verdict: 'REGRESSED', exitCode: ExitCode.failed };
  if (rows.some((row) => row.verdict === 'INCONCLUSIVE')) {
    return { verdict: 'INCONCLUSIVE', exitCode: ExitCode.inconclusive };
  }
  if (rows.some((row) => row.verdict === 'IMPROVED')) return { verdict: 'IMPROVED', exitCode: ExitCode.ok };
  return { verdict: 'NO-CHANGE', exitCode: ExitCode.ok };
}

export function compareResults(
  baseline: ResultsFile,
  candidate: ResultsFile,
  options: CompareOptions,
): Comparison {
  const warnings = fingerprintDifferences(baseline.environment, candidate.environment).map(
    (difference) =>
      `environments differ (${difference}); the comparison may reflect the machine, not the code`,
  );
  return comparePaired(pairTrialSets(baseline, candidate, options.step), warnings, options);
}

/** Compares sample sets that did not come from two results files (a history baseline, an `ab` run). */
export function compareSampleSets(
  baseline: TrialSet[],
  candidate: TrialSet[],
  warnings: string[],
  options: CompareOptions,
): Comparison {
  return comparePaired(pairSets(baseline, candidate), warnings, options);
}

function comparePaired(paired: PairedSets, warnings: string[], options: CompareOptions): Comparison {
  if (paired.onlyInBaseline.length > 0)
    warnings.push(`only in baseline: ${paired.onlyInBaseline.join(', ')}`);
  if (paired.onlyInCandidate.length > 0)
    warnings.push(`only in candidate: ${paired.onlyInCandidate.join(', ')}`);
  const rows = paired.pairs.flatMap((pair) =>
    options.metrics.map((metric) =>
      compareMetric(
        pair.key,
        metric,
        pair.baseline.map(metric.extract),
        pair.candidate.map(metric.extract),
        options,
      ),
    ),
  );
  return { threshold: options.threshold, ...overall(rows), warnings, rows };
}
