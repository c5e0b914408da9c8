/**
 * Findings about experiment-specific series (queue depth, replica lag): the peak per variant where the
 * series applies. A series applies to a variant that moved it; when it stayed at zero everywhere, to
 * the variants whose target reported it among its counters (the replica, not the single database).
 * `<name>Ms` and `<name>Bytes` series read as one: the bytes are shown when the milliseconds stayed zero.
 */
import { joinWords } from '../model/join-words.ts';
import { formatBytes, formatCount, formatMs, humanize } from '../model/units.ts';
import type { ExperimentView, VariantView } from '../model/views.ts';
import { capitalize } from './latency.ts';

export interface SeriesPeak {
  /** 'replicaLag' for replicaLagMs + replicaLagBytes, else the series name */
  name: string;
  variant: string;
  /** '0 ms (12.0 KB)', '3', ... */
  shown: string;
  peak: number;
}

function baseName(key: string): string {
  return key.replace(/(Ms|Bytes)$/, '');
}

const peakOf = (values: readonly number[] | undefined) => (values?.length ? Math.max(...values) : 0);

function applies(experiment: ExperimentView, variant: VariantView, keys: string[]): boolean {
  const moved = (v: VariantView) => keys.some((key) => peakOf(v.extraSeries[key]) > 0);
  if (moved(variant)) return true;
  if (experiment.variants.some(moved)) return false;
  return keys.some((key) => variant.counters[key] !== undefined);
}

function shownPeak(variant: VariantView, name: string, keys: string[]): SeriesPeak {
  const ms = keys.find((key) => key === `${name}Ms`);
  const bytes = keys.find((key) => key === `${name}Bytes`);
  if (ms) {
    const peak = peakOf(variant.extraSeries[ms]);
    const behind = bytes && peak === 0 ? ` (${formatBytes(peakOf(variant.extraSeries[bytes]))})` : '';
    return { name, variant: variant.name, shown: `${formatMs(peak)}${behind}`, peak };
  }
  if (bytes) {
    const peak = peakOf(variant.extraSeries[bytes]);
    return { name, variant: variant.name, shown: formatBytes(peak), peak };
  }
  const peak = peakOf(variant.extraSeries[name]);
  return { name, variant: variant.name, shown: formatCount(peak), peak };
}

/** The peak of every series in every variant it applies to, grouped by series. */
export function seriesPeaks(experiment: ExperimentView): SeriesPeak[] {
  const keys = [...new Set(experiment.variants.flatMap((variant) => Object.keys(variant.extraSeries)))];
  const names = [...new Set(keys.map(baseName))];
  return names.flatMap((name) => {
    const own = keys.filter((key) => baseName(key) === name);
    return experiment.variants
      .filter(
        (variant) => own.some((key) => variant.extraSeries[key]?.length) && applies(experiment, variant, own),
      )
      .map((variant) => shownPeak(variant, name, own));
  });
}

export function seriesFindings(experiment: ExperimentView): string[] {
  const peaks = seriesPeaks(experiment);
  const names = [...new Set(peaks.map((peak) => peak.name))];
  return names.map((name) => {
    const own = peaks.filter((peak) => peak.name === name);
    const clauses = own.map((peak) => `${peak.shown} in ${peak.variant}`);
    return `${capitalize(humanize(name))} peaked at ${joinWords(clauses)}.`;
  });
}
