/**
 * Findings about the flow's own latencies (accept time, end-to-end job time, ...): each variant's p99
 * against the experiment's first variant (the baseline, as for p50), with lower/higher said the right
 * way round, differences within the noise called about the same, and none claimed from a variant that
 * failed its requests or ran past its capacity (model/comparison.ts).
 */
import { againstBaseline } from '../model/comparison.ts';
import { formatMs } from '../model/units.ts';
import { type ExperimentView, trendKeys, type VariantView } from '../model/views.ts';

/** 'acceptMs' → 'Accept', 'jobLatencyMs' → 'Job latency' */
export function trendLabel(key: string): string {
  const words = key
    .replace(/Ms$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function measured(variant: VariantView, key: string): boolean {
  return (variant.trends[key]?.p99.values.length ?? 0) > 0;
}

export function trendSentence(experiment: ExperimentView, key: string): string | null {
  const [baseline, ...others] = experiment.variants;
  if (!baseline || !measured(baseline, key)) return null;
  const compared = others.filter((variant) => measured(variant, key));
  if (compared.length === 0) return null;
  const list = againstBaseline(
    baseline,
    compared,
    (v) => v.trends[key]!.p99,
    (v) => formatMs(v.trends[key]!.p99.mean),
    ' against ',
  );
  return `${trendLabel(key)} p99: ${list}.`;
}

export function trendFindings(experiment: ExperimentView): string[] {
  return trendKeys(experiment)
    .map((key) => trendSentence(experiment, key))
    .filter((sentence): sentence is string => sentence !== null);
}
