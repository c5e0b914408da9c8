/** Findings about speed: each variant's p50 and throughput against the experiment's first variant. */

import { formatFactor, formatMs, formatPercent, formatRate } from '../model/units.ts';
import type { ExperimentView, VariantView } from '../model/views.ts';

const MEANINGFUL = 1.1;

function hitRatioClause(variant: VariantView): string {
  return variant.hitRatio === null ? '' : ` with a ${formatPercent(variant.hitRatio)} hit ratio`;
}

function latencyClause(baseline: VariantView, variant: VariantView): string {
  const from = baseline.p50.mean;
  const to = variant.p50.mean;
  const span = `p50 from ${formatMs(from)} to ${formatMs(to)}`;
  if (to > 0 && from / to >= MEANINGFUL) {
    return `${variant.name} cut ${span} (${formatFactor(from / to)} faster)${hitRatioClause(variant)}`;
  }
  if (from > 0 && to / from >= MEANINGFUL) {
    return `${variant.name} raised ${span} (${formatFactor(to / from)} slower)${hitRatioClause(variant)}`;
  }
  return `${variant.name} kept p50 about the same (${formatMs(to)} against ${formatMs(from)})${hitRatioClause(variant)}`;
}

function singleVariantSentence(variant: VariantView): string {
  return (
    `p50 was ${formatMs(variant.p50.mean)} and p99 ${formatMs(variant.p99.mean)} ` +
    `at ${formatRate(variant.throughput.mean)} req/s${hitRatioClause(variant)}.`
  );
}

function throughputSentence(baseline: VariantView, others: VariantView[]): string | null {
  const differing = others.filter((variant) => {
    const ratio = variant.throughput.mean / Math.max(baseline.throughput.mean, Number.EPSILON);
    return ratio >= MEANINGFUL || ratio <= 1 / MEANINGFUL;
  });
  if (differing.length === 0) return null;
  const clauses = differing.map(
    (variant) => `${formatRate(variant.throughput.mean)} req/s for ${variant.name}`,
  );
  return `Throughput: ${formatRate(baseline.throughput.mean)} req/s for ${baseline.name} against ${clauses.join(', ')}.`;
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
  const sentences = [
    `Against ${baseline.name}, ${others.map((variant) => latencyClause(baseline, variant)).join('; ')}.`,
  ];
  const throughput = throughputSentence(baseline, others);
  if (throughput) sentences.push(throughput);
  const errors = errorSentence(experiment.variants);
  if (errors) sentences.push(errors);
  return sentences;
}
