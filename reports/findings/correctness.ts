/**
 * Findings about correctness under load: sessions lost, stale reads, jobs lost or duplicated,
 * read-your-writes violations; plus the peaks of experiment-specific series (queue depth, replica lag).
 */
import type { FaultEvent } from '../../results/schema.ts';
import { formatCount, formatMs, formatPercent, humanize } from '../model/units.ts';
import type { ExperimentView, VariantView } from '../model/views.ts';
import { correctnessKeys } from '../model/views.ts';
import { capitalize } from './latency.ts';

const phrases: Record<string, (count: number, variant: VariantView) => string> = {
  sessionsLost: (count) => `lost ${formatCount(count)} sessions`,
  staleReads: (count, variant) =>
    `served ${formatPercent(count / Math.max(1, variant.requests))} stale reads (${formatCount(count)})`,
  jobsLost: (count) => `lost ${formatCount(count)} jobs`,
  jobsDuplicated: (count) => `ran ${formatCount(count)} jobs twice`,
  rywViolations: (count) => `broke read-your-writes ${formatCount(count)} times`,
};

function phrase(key: string, count: number, variant: VariantView): string {
  return phrases[key]?.(count, variant) ?? `counted ${formatCount(count)} ${humanize(key)}`;
}

function faultLead(faults: FaultEvent[]): string {
  const first = faults[0];
  if (!first) return '';
  return `With a ${first.kind} fault at ${first.atSeconds} s (${first.detail}), `;
}

function keySentence(experiment: ExperimentView, key: string, withFault: boolean): string {
  const bad = experiment.variants.filter((variant) => (variant.correctness[key] ?? 0) > 0);
  const clean = experiment.variants.filter((variant) => (variant.correctness[key] ?? 0) === 0);
  if (bad.length === 0) return `No ${humanize(key)} in any variant.`;
  const faults = experiment.variants.find((variant) => variant.faults.length > 0)?.faults ?? [];
  const clauses = bad.map((variant) => `${variant.name} ${phrase(key, variant.correctness[key]!, variant)}`);
  const none = clean.length > 0 ? `; zero for ${clean.map((variant) => variant.name).join(' and ')}` : '';
  const lead = withFault ? faultLead(faults) : '';
  const body = `${clauses.join(', ')}${none}.`;
  return lead ? `${lead}${body}` : capitalize(body);
}

function peakSentence(variant: VariantView, key: string, values: number[]): string {
  const peak = Math.max(...values);
  const shown = /Ms$/.test(key) ? formatMs(peak) : formatCount(peak);
  const name = humanize(key.replace(/Ms$/, ''));
  return `${capitalize(name)} in ${variant.name} peaked at ${shown}.`;
}

export function correctnessFindings(experiment: ExperimentView): string[] {
  const sentences = correctnessKeys(experiment).map((key, index) =>
    keySentence(experiment, key, index === 0),
  );
  for (const variant of experiment.variants) {
    for (const [key, values] of Object.entries(variant.extraSeries)) {
      if (values.length > 0) sentences.push(peakSentence(variant, key, values));
    }
  }
  return sentences;
}
