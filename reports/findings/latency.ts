/** Findings about speed: each variant's p50 and throughput against the experiment's first variant. */

import { type Comparison, compareP50, comparisonNote } from '../model/comparison.ts';
import {
  compareStats,
  type Direction,
  factorBetween,
  SINGLE_TRIAL_MS,
  SINGLE_TRIAL_RATIO,
} from '../model/difference.ts';
import { joinWords } from '../model/join-words.ts';
import type { MetricStats } from '../model/stats.ts';
import { formatFactor, formatMs, formatPercent, formatRate } from '../model/units.ts';
import type { ExperimentView, VariantView } from '../model/views.ts';
import { costClause } from './claims.ts';

/** '88%' → 'an 88%', '95%' → 'a 95%' */
export function withArticle(figure: string): string {
  return /^(8|1[18](\D|$))/.test(figure) ? `an ${figure}` : `a ${figure}`;
}

function hitRatioClause(variant: VariantView): string {
  return variant.hitRatio === null ? '' : ` with ${withArticle(formatPercent(variant.hitRatio))} hit ratio`;
}

/** '11× lower', '2.0× higher' or 'about the same' (compare-only figures; findings use model/comparison.ts) */
export function differenceNote(baseline: MetricStats, candidate: MetricStats, direction: Direction): string {
  if (direction === 'same') return 'about the same';
  return `${formatFactor(factorBetween(baseline.mean, candidate.mean))} ${direction}`;
}

function latencyClause(baseline: VariantView, variant: VariantView, comparison: Comparison): string {
  const span = `p50 from ${formatMs(baseline.p50.mean)} to ${formatMs(variant.p50.mean)}`;
  const factor = formatFactor(factorBetween(baseline.p50.mean, variant.p50.mean));
  if (comparison.kind === 'differs' && comparison.direction === 'lower')
    return `${variant.name} cut ${span} (${factor} faster)${hitRatioClause(variant)}${costClause(variant)}`;
  if (comparison.kind === 'differs')
    return `${variant.name} raised ${span} (${factor} slower)${hitRatioClause(variant)}${costClause(variant)}`;
  if (comparison.kind === 'same')
    return `${variant.name} (${formatMs(variant.p50.mean)}${hitRatioClause(variant)})`;
  return `${variant.name} p50 ${formatMs(variant.p50.mean)} (${comparisonNote(comparison)})`;
}

function noiseNote(variants: VariantView[]): string {
  const trials = Math.min(...variants.map((variant) => variant.trials));
  return trials >= 2
    ? 'their 95% confidence intervals overlap'
    : `with one trial, differences under ${SINGLE_TRIAL_RATIO}× or ${SINGLE_TRIAL_MS} ms are not claimed`;
}

/**
 * Each variant's p50 against the first's, from the comparison the takeaway uses too (model/comparison.ts):
 * faster or slower only where it holds, about the same only within the noise, otherwise why not.
 */
function p50Sentence(baseline: VariantView, others: VariantView[]): string {
  const compared = others.map((variant) => ({ variant, comparison: compareP50(baseline, variant) }));
  const same = compared.filter(({ comparison }) => comparison.kind === 'same');
  const differing = compared.filter(({ comparison }) => comparison.kind !== 'same');
  const parts: string[] = [];
  if (differing.length > 0) {
    const clauses = differing.map(({ variant, comparison }) => latencyClause(baseline, variant, comparison));
    parts.push(`Against ${baseline.name}, ${clauses.join('; ')}.`);
  }
  if (same.length > 0) {
    const lead =
      differing.length > 0
        ? 'P50 was about the same'
        : `P50 was about the same as ${baseline.name}'s ${formatMs(baseline.p50.mean)}`;
    const where = joinWords(
      same.map(({ variant, comparison }) => latencyClause(baseline, variant, comparison)),
    );
    parts.push(`${lead} in ${where}; ${noiseNote([baseline, ...same.map(({ variant }) => variant)])}.`);
  }
  return parts.join(' ');
}

function singleVariantSentence(variant: VariantView): string {
  return (
    `p50 was ${formatMs(variant.p50.mean)} and p99 ${formatMs(variant.p99.mean)} ` +
    `at ${formatRate(variant.throughput.mean)} req/s${hitRatioClause(variant)}.`
  );
}

function throughputSentence(baseline: VariantView, others: VariantView[]): string | null {
  const differing = others.filter(
    (variant) => compareStats(baseline.throughput, variant.throughput, { minAbsolute: 0 }) !== 'same',
  );
  if (differing.length === 0) return null;
  const clauses = differing.map(
    (variant) => `${formatRate(variant.throughput.mean)} iterations/s for ${variant.name}`,
  );
  return `Throughput: ${formatRate(baseline.throughput.mean)} iterations/s for ${baseline.name} against ${clauses.join(', ')}.`;
}

function errorSentence(variants: VariantView[]): string | null {
  const failing = variants.filter((variant) => variant.errorRate.mean >= 0.01);
  if (failing.length === 0) return null;
  const clauses = failing.map(
    (variant) => `${variant.name} failed ${formatPercent(variant.errorRate.mean)} of requests`,
  );
  return `${capitalize(clauses.join('; '))}.`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function latencyFindings(experiment: ExperimentView): string[] {
  const [baseline, ...others] = experiment.variants;
  if (!baseline) return [];
  if (others.length === 0) return [singleVariantSentence(baseline)];
  const sentences = [p50Sentence(baseline, others)];
  const throughput = throughputSentence(baseline, others);
  if (throughput) sentences.push(throughput);
  const errors = errorSentence(experiment.variants);
  if (errors) sentences.push(errors);
  return sentences;
}
