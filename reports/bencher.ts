/**
 * bmf.json, the Bencher Metric Format: `{ "<experiment>/<variant>": { "<measure>": { value, lower_value,
 * upper_value } } }`. `latency` is the p50 response time in nanoseconds (Bencher's built-in measure),
 * `throughput` requests per second; bounds are the 95% confidence interval across trials when there are ≥ 2.
 */
import type { ResultsFile } from '../results/schema.ts';
import type { MetricStats } from './model/stats.ts';
import { buildReportView, type VariantView } from './model/views.ts';
import type { Reporter } from './reporter.ts';

export interface BmfMetric {
  value: number;
  lower_value?: number;
  upper_value?: number;
}

export type BmfReport = Record<string, Record<string, BmfMetric>>;

const NS_PER_MS = 1_000_000;

const round = (value: number) => Math.round(value * 1e6) / 1e6;

function metric(stats: MetricStats, scale = 1): BmfMetric {
  const out: BmfMetric = { value: round(stats.mean * scale) };
  if (stats.ci) {
    out.lower_value = round(Math.max(0, stats.ci.lower * scale));
    out.upper_value = round(stats.ci.upper * scale);
  }
  return out;
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function variantMetrics(variant: VariantView): Record<string, BmfMetric> {
  const out: Record<string, BmfMetric> = {
    latency: metric(variant.p50, NS_PER_MS),
    'latency-p99': metric(variant.p99, NS_PER_MS),
    throughput: metric(variant.throughput),
    'error-rate': metric(variant.errorRate),
  };
  for (const [key, count] of Object.entries(variant.correctness)) out[kebab(key)] = { value: count };
  if (variant.hitRatio !== null) out['hit-ratio'] = { value: variant.hitRatio };
  return out;
}

export function renderBmf(results: ResultsFile): BmfReport {
  const report: BmfReport = {};
  for (const experiment of buildReportView(results).experiments) {
    for (const variant of experiment.variants) {
      report[`${experiment.name}/${variant.name}`] = variantMetrics(variant);
    }
  }
  return report;
}

export const bmfReporter: Reporter = {
  format: 'bmf',
  description: 'bmf.json: Bencher Metric Format (latency in ns)',
  render: async (results) => [
    { name: 'bmf.json', content: `${JSON.stringify(renderBmf(results), null, 2)}\n` },
  ],
};
