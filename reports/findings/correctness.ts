/**
 * Findings about correctness under load, one sentence per failure metric (sessions lost, stale reads,
 * RYW violations, jobs lost, ...) as shares of their totals, after a sentence saying which variants had
 * which fault. Totals alone (reads, sessions, jobs submitted) are never findings.
 */
import { type CorrectnessMetric, metricsIn, type Share, shareOf } from '../model/correctness-metrics.ts';
import { faultGroups } from '../model/faults.ts';
import { joinWords } from '../model/join-words.ts';
import { formatCount, formatPercent } from '../model/units.ts';
import type { ExperimentView, VariantView } from '../model/views.ts';
import { capitalize } from './latency.ts';

/** '53 of 81 sessions (65%)', '53 of 81 (65%)' when the unit was said already, or just '53' */
export function shareText(share: Share, unit: string | null): string {
  if (share.total === null || share.total === 0) return formatCount(share.count);
  const of = `${formatCount(share.count)} of ${formatCount(share.total)}${unit ? ` ${unit}` : ''}`;
  return share.rate === null ? of : `${of} (${formatPercent(share.rate)})`;
}

export function faultSentence(experiment: ExperimentView): string | null {
  const groups = faultGroups(experiment.variants);
  if (groups.length === 0) return null;
  const hit = new Set(groups.flatMap((group) => group.variants));
  const spared = experiment.variants.filter((variant) => !hit.has(variant.name)).map((v) => v.name);
  const clauses = groups.map((group) => `${group.description} in ${joinWords(group.variants)}`);
  const none = spared.length > 0 ? `; ${joinWords(spared)} ran without one` : '';
  return `Fault: ${clauses.join('; ')}${none}.`;
}

function metricSentence(variants: VariantView[], metric: CorrectnessMetric): string {
  const reporting = variants.filter((variant) => variant.correctness[metric.violation] !== undefined);
  const bad = reporting.filter((variant) => shareOf(variant, metric).count > 0);
  const clean = reporting.filter((variant) => shareOf(variant, metric).count === 0);
  const clauses = bad.map(
    (variant, index) =>
      `${variant.name} ${shareText(shareOf(variant, metric), index === 0 ? metric.unit : null)}`,
  );
  const zero = clean.map((variant) => {
    const share = shareOf(variant, metric);
    return share.total ? `${variant.name} (0 of ${formatCount(share.total)})` : variant.name;
  });
  const none = zero.length > 0 ? `; none in ${joinWords(zero, 'or')}` : '';
  return `${capitalize(metric.label)}: ${clauses.join(', ')}${none}.`;
}

function cleanSentence(metrics: CorrectnessMetric[]): string | null {
  if (metrics.length === 0) return null;
  return `No ${joinWords(
    metrics.map((metric) => metric.label),
    'or',
  )} in any variant.`;
}

export function correctnessFindings(experiment: ExperimentView): string[] {
  const metrics = metricsIn(experiment.variants);
  const failing = metrics.filter((metric) =>
    experiment.variants.some((variant) => shareOf(variant, metric).count > 0),
  );
  const sentences = [faultSentence(experiment)];
  for (const metric of failing) sentences.push(metricSentence(experiment.variants, metric));
  sentences.push(cleanSentence(metrics.filter((metric) => !failing.includes(metric))));
  return sentences.filter((sentence): sentence is string => sentence !== null);
}
