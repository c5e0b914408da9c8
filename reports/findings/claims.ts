/**
 * What a variant did to correctness, as the takeaway and the findings both say it: each failure count as
 * a share of the cases judged with its interval (or "not enough evidence"), and a variant's cost said in
 * the same sentence as its gain.
 */
import { evidenceParts } from '../../results/evidence.ts';
import { type CorrectnessMetric, correctnessMetric, shareOf } from '../model/correctness-metrics.ts';
import { formatCount, formatPercent } from '../model/units.ts';
import type { VariantView } from '../model/views.ts';

/** 'sticky-4 lost 57 of 230 sessions (25%, 95% CI 20%–31%)'; with too few judged, the brackets say so */
export function claim(variant: VariantView, metric: CorrectnessMetric): string {
  const evidence = variant.verdict.evidence.find((e) => e.violation === metric.violation);
  if (evidence) {
    const { figure, note } = evidenceParts(evidence);
    return `${variant.name} ${metric.claim.replace('{n}', figure)} (${note})`;
  }
  const share = shareOf(variant, metric);
  const n = share.total
    ? `${formatCount(share.count)} of ${formatCount(share.total)}`
    : formatCount(share.count);
  const rate = share.rate && share.count > 0 ? ` (${formatPercent(share.rate)})` : '';
  return `${variant.name} ${metric.claim.replace('{n}', n)}${rate}`;
}

/** ', but lost 57 of 230 sessions (25%, …)': a variant's cost, said in the sentence of its gain */
export function costClause(variant: VariantView): string {
  const costs = variant.verdict.patternFailures.flatMap((failure) => {
    const metric = correctnessMetric(failure.violation);
    return metric ? [claim(variant, metric).slice(variant.name.length + 1)] : [];
  });
  return costs.length > 0 ? `, but ${costs.join(' and ')}` : '';
}
