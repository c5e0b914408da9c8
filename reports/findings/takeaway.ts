/**
 * The one-line takeaway that opens an experiment's section: the headline numbers, computed from the data.
 * Speed first when a variant is clearly faster (p50, or the flow's own latencies such as accept p99, or
 * read and write p50 side by side when the flow times them apart) — only from comparisons that hold
 * (model/comparison.ts), the findings' rule too — then for each failure metric the cleanest variant
 * against the worst one, then a series peak that belongs to one variant (replica lag). When speed is
 * within the noise it comes last, per variant.
 */
import { againstBaseline, compareP50, comparisonNote } from '../model/comparison.ts';
import { type CorrectnessMetric, metricsIn, shareOf } from '../model/correctness-metrics.ts';
import { compareStats, factorBetween } from '../model/difference.ts';
import { faultCondition, faultGroups } from '../model/faults.ts';
import { formatCount, formatFactor, formatMs, formatPercent } from '../model/units.ts';
import { type ExperimentView, trendKeys, type VariantView } from '../model/views.ts';
import { capacityTakeaway } from './capacity.ts';
import { claim, costClause } from './claims.ts';
import { capitalize, withArticle } from './latency.ts';
import { notifyPart } from './notify.ts';
import { readWritePart } from './read-write.ts';
import { scalingModelClause } from './scaling-model.ts';
import { seriesPeaks } from './series.ts';
import { trendLabel } from './trends.ts';

function conditionOf(variant: VariantView): string {
  const fault = variant.faults[0];
  return fault ? ` ${faultCondition(fault)}` : '';
}

/** the clean variant worth quoting (with a known total): one that stayed clean through a fault, else the fastest */
function quotedClean(
  clean: VariantView[],
  metric: CorrectnessMetric,
  fastest: VariantView | null,
): VariantView | undefined {
  const counted = clean.filter((variant) => shareOf(variant, metric).total);
  const faulted = [...counted].reverse().find((variant) => variant.faults.length > 0);
  return faulted ?? counted.find((variant) => variant === fastest);
}

function faultedIn(experiment: ExperimentView): string {
  const groups = faultGroups(experiment.variants);
  const faulted = experiment.variants.find((variant) => variant.faults.length > 0);
  if (!faulted || groups.length === 0) return '';
  const names = [...new Set(groups.flatMap((group) => group.variants))];
  return ` ${faultCondition(faulted.faults[0]!)} (${names.join(', ')})`;
}

function correctnessParts(experiment: ExperimentView, lead: VariantView | null): string[] {
  const metrics = metricsIn(experiment.variants);
  const parts: string[] = [];
  for (const metric of metrics) {
    const reporting = experiment.variants.filter((v) => v.correctness[metric.violation] !== undefined);
    const bad = reporting.filter((variant) => shareOf(variant, metric).count > 0);
    if (bad.length === 0) continue;
    const worst = bad.reduce((a, b) => {
      const [sa, sb] = [shareOf(a, metric), shareOf(b, metric)];
      return (sb.rate ?? sb.count) > (sa.rate ?? sa.count) ? b : a;
    });
    const clean = quotedClean(
      reporting.filter((variant) => shareOf(variant, metric).count === 0),
      metric,
      lead,
    );
    // the lead variant's cost was said beside its gain already
    const saidWithGain =
      worst === lead && lead.verdict.patternFailures.some((f) => f.violation === metric.violation);
    const said = [
      clean ? `${claim(clean, metric)}${conditionOf(clean)}` : null,
      saidWithGain ? null : claim(worst, metric),
    ].filter(Boolean);
    if (said.length > 0) parts.push(said.join('; '));
  }
  const first = metrics[0];
  if (parts.length === 0 && first?.denominator) {
    const total = experiment.variants.reduce((sum, v) => sum + (v.correctness[first.denominator!] ?? 0), 0);
    if (total > 0)
      parts.push(`${first.label}: 0 of ${formatCount(total)} ${first.unit}${faultedIn(experiment)}`);
  }
  return parts;
}

function trendPart(experiment: ExperimentView, keys: string[]): string | null {
  const [baseline, ...others] = experiment.variants;
  const [first, ...rest] = keys;
  if (!baseline || !first || !baseline.trends[first]) return null;
  const compared = againstBaseline(
    baseline,
    others.filter((variant) => variant.trends[first]),
    (v) => v.trends[first]!.p99,
    (v) => formatMs(v.trends[first]!.p99.mean),
    ' vs ',
  );
  const parts = [`${trendLabel(first).toLowerCase()} p99: ${compared}`];
  for (const key of rest) {
    // only where this latency tells something the first one does not (e.g. time to done after a queue)
    const distinct = experiment.variants.filter((variant) => {
      const own = variant.trends[key]?.p99;
      const headline = variant.trends[first]?.p99;
      return own && headline && compareStats(headline, own) !== 'same';
    });
    if (distinct.length === 0) continue;
    const list = distinct.map((variant) => `${variant.name} ${formatMs(variant.trends[key]!.p99.mean)}`);
    parts.push(`${trendLabel(key).toLowerCase()} p99: ${list.join(', ')}`);
  }
  return parts.join('; ');
}

/**
 * The p50 headline: the fastest variant against the first, only from a comparison that holds
 * (model/comparison.ts: no speed from failing requests, overload or a saturated host); otherwise what
 * the comparison says, never "about the same" for a wide gap.
 */
function p50Part(
  experiment: ExperimentView,
): { text: string; clear: boolean; best: VariantView | null } | null {
  const [baseline, ...others] = experiment.variants;
  if (!baseline || others.length === 0) return null;
  const compared = others.map((variant) => ({
    variant,
    comparison: compareP50(baseline, variant),
  }));
  const faster = compared.filter(
    ({ comparison }) => comparison.kind === 'differs' && comparison.direction === 'lower',
  );
  if (faster.length > 0) {
    const best = faster.map(({ variant }) => variant).reduce((a, b) => (b.p50.mean < a.p50.mean ? b : a));
    const factor = formatFactor(factorBetween(baseline.p50.mean, best.p50.mean));
    const hit = best.hitRatio === null ? '' : ` with ${withArticle(formatPercent(best.hitRatio))} hit ratio`;
    const text = `${best.name} cut p50 from ${formatMs(baseline.p50.mean)} to ${formatMs(best.p50.mean)} (${factor})${hit}${costClause(best)}`;
    return { text, clear: true, best };
  }
  const list = experiment.variants.map((variant) => `${variant.name} ${formatMs(variant.p50.mean)}`);
  if (compared.every(({ comparison }) => comparison.kind === 'same'))
    return { text: `p50 about the same (${list.join(', ')})`, clear: false, best: null };
  const notes = compared
    .filter(({ comparison }) => comparison.kind !== 'same')
    .map(({ variant, comparison }) =>
      comparison.kind === 'not-comparable'
        ? comparison.reasons
        : [`${variant.name} ${comparisonNote(comparison)}`],
    );
  const unique = [...new Set(notes.flat())];
  return { text: `p50 ${list.join(', ')}: ${unique.join('; ')}`, clear: false, best: null };
}

function seriesPart(experiment: ExperimentView): string[] {
  const peaks = seriesPeaks(experiment);
  const names = [...new Set(peaks.map((peak) => peak.name))];
  return names.flatMap((name) => {
    const own = peaks.filter((peak) => peak.name === name);
    if (own.length !== 1) return [];
    const label = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
    return [`${label} in ${own[0]!.variant} peaked at ${own[0]!.shown}`];
  });
}

/** One line, or null when there is nothing to compare (a single-variant bench). */
export function experimentTakeaway(experiment: ExperimentView): string | null {
  if (experiment.variants.length < 2) return null;
  const keys = trendKeys(experiment);
  const trend = keys.length > 0 ? (readWritePart(experiment) ?? trendPart(experiment, keys)) : null;
  const p50 = trend ? null : p50Part(experiment);
  const lead = trend ?? (p50?.clear ? p50.text : null);
  const tail = !trend && p50 && !p50.clear ? p50.text : null;
  const parts = [
    capacityTakeaway(experiment),
    scalingModelClause(experiment),
    lead,
    notifyPart(experiment),
    ...correctnessParts(experiment, p50?.best ?? null),
    ...seriesPart(experiment),
    tail,
  ];
  const text = parts.filter((part): part is string => Boolean(part)).join('; ');
  // a leading variant name keeps its case: "stateless-2 lost …", "Accept p99: …"
  return text ? `${keys.length > 0 ? capitalize(text) : text}.` : null;
}
