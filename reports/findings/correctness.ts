/**
 * Findings about correctness under load, one sentence per failure metric (sessions lost, stale reads,
 * RYW violations, jobs lost, ...) as shares of their totals, after a sentence saying which variants had
 * which fault. Totals alone (reads, sessions, jobs submitted) are never findings.
 */
import { type Evidence, evidenceParts } from '../../results/evidence.ts';
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

/** 'sticky-4 57 of 230 sessions (25%, 95% CI 20%–31%)', the unit only where asked */
function evidenceClause(variant: VariantView, evidence: Evidence, withUnit: boolean): string {
  const { figure, note } = evidenceParts(evidence);
  return `${variant.name} ${figure}${withUnit ? ` ${evidence.unit}` : ''} (${note})`;
}

function metricSentence(variants: VariantView[], metric: CorrectnessMetric): string {
  const reporting = variants.filter((variant) => variant.correctness[metric.violation] !== undefined);
  const judged = (variant: VariantView) =>
    variant.verdict.evidence.find((e) => e.violation === metric.violation);
  const unsure = reporting.filter((variant) => judged(variant)?.verdict === 'not-enough-evidence');
  const bad = reporting.filter((v) => shareOf(v, metric).count > 0 && !unsure.includes(v));
  const clean = reporting.filter((v) => shareOf(v, metric).count === 0 && !unsure.includes(v));
  const clauses = bad.map((variant, index) => {
    const evidence = judged(variant);
    if (evidence) return evidenceClause(variant, evidence, index === 0);
    return `${variant.name} ${shareText(shareOf(variant, metric), index === 0 ? metric.unit : null)}`;
  });
  const zero = clean.map((variant) => {
    const evidence = judged(variant);
    if (evidence) return evidenceClause(variant, evidence, false);
    const share = shareOf(variant, metric);
    return share.total ? `${variant.name} (0 of ${formatCount(share.total)})` : variant.name;
  });
  const noVerdict = unsure.map((variant) => evidenceClause(variant, judged(variant)!, true));
  const parts = [
    clauses.join(', '),
    zero.length > 0 ? `none in ${joinWords(zero, 'or')}` : '',
    noVerdict.length > 0 ? `no verdict for ${joinWords(noVerdict)}` : '',
  ];
  return `${capitalize(metric.label)}: ${parts.filter(Boolean).join('; ')}.`;
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
  // a metric is said per variant when one failed, or when one was judged on too few cases
  const failing = metrics.filter((metric) =>
    experiment.variants.some(
      (variant) =>
        shareOf(variant, metric).count > 0 ||
        variant.verdict.evidence.some(
          (e) => e.violation === metric.violation && e.verdict === 'not-enough-evidence',
        ),
    ),
  );
  const sentences = [faultSentence(experiment)];
  for (const metric of failing) sentences.push(metricSentence(experiment.variants, metric));
  sentences.push(cleanSentence(metrics.filter((metric) => !failing.includes(metric))));
  return sentences.filter((sentence): sentence is string => sentence !== null);
}
