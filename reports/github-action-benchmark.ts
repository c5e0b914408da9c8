/**
 * github-action-benchmark input, two files for its two custom tools: `gab-smaller-is-better.json`
 * (tool: customSmallerIsBetter — latencies, error rate, correctness counts) and `gab-bigger-is-better.json`
 * (tool: customBiggerIsBetter — throughput, hit ratio). Each is `[{ name, unit, value, range, extra }]`.
 */
import type { ResultsFile } from '../results/schema.ts';
import type { MetricStats } from './model/stats.ts';
import { buildReportView, type VariantView } from './model/views.ts';
import type { Reporter } from './reporter.ts';

export interface GabEntry {
  name: string;
  unit: string;
  value: number;
  range?: string;
  extra?: string;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function entry(name: string, unit: string, stats: MetricStats, extra: string): GabEntry {
  const range = stats.ci ? { range: `± ${round((stats.ci.upper - stats.ci.lower) / 2)}` } : {};
  return { name, unit, value: round(stats.mean), ...range, extra };
}

function extraOf(variant: VariantView): string {
  const params = Object.entries(variant.params).map(([key, value]) => `${key}=${value}`);
  return [`${variant.trials} trial${variant.trials === 1 ? '' : 's'}`, ...params].join(', ');
}

function smaller(prefix: string, variant: VariantView): GabEntry[] {
  const extra = extraOf(variant);
  const out = [
    entry(`${prefix} p50 latency`, 'ms', variant.p50, extra),
    entry(`${prefix} p99 latency`, 'ms', variant.p99, extra),
    entry(`${prefix} error rate`, 'ratio', variant.errorRate, extra),
  ];
  for (const [key, count] of Object.entries(variant.correctness)) {
    out.push({ name: `${prefix} ${key}`, unit: 'count', value: count, extra });
  }
  return out;
}

function bigger(prefix: string, variant: VariantView): GabEntry[] {
  const extra = extraOf(variant);
  const out = [entry(`${prefix} throughput`, 'req/s', variant.throughput, extra)];
  if (variant.hitRatio !== null)
    out.push({ name: `${prefix} hit ratio`, unit: 'ratio', value: round(variant.hitRatio), extra });
  return out;
}

export function renderGab(results: ResultsFile): { smaller: GabEntry[]; bigger: GabEntry[] } {
  const out = { smaller: [] as GabEntry[], bigger: [] as GabEntry[] };
  for (const experiment of buildReportView(results).experiments) {
    for (const variant of experiment.variants) {
      const prefix = `${experiment.name}/${variant.name}`;
      out.smaller.push(...smaller(prefix, variant));
      out.bigger.push(...bigger(prefix, variant));
    }
  }
  return out;
}

export const gabReporter: Reporter = {
  format: 'gab',
  description: 'gab-smaller-is-better.json + gab-bigger-is-better.json for github-action-benchmark',
  render: async (results) => {
    const { smaller: low, bigger: high } = renderGab(results);
    return [
      { name: 'gab-smaller-is-better.json', content: `${JSON.stringify(low, null, 2)}\n` },
      { name: 'gab-bigger-is-better.json', content: `${JSON.stringify(high, null, 2)}\n` },
    ];
  },
};
