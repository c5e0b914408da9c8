/**
 * The metrics `compare` can gate on, each with its direction. Latencies and throughput compare as a
 * ratio of medians (candidate / baseline); the error rate compares as a difference, because a baseline
 * of 0 errors makes every ratio meaningless.
 */
import { ScalebenchError } from '../../core/errors.ts';
import type { Summary } from '../../results/schema.ts';

export interface MetricDefinition {
  name: string;
  unit: 'ms' | 'req/s' | 'fraction';
  better: 'lower' | 'higher';
  mode: 'ratio' | 'difference';
  extract: (summary: Summary) => number;
}

/** an error rate may rise by this much (absolute, 1 percentage point) before it counts as a regression */
export const ERROR_RATE_TOLERANCE = 0.01;

const latency = (name: string, pick: (summary: Summary) => number): MetricDefinition => ({
  name,
  unit: 'ms',
  better: 'lower',
  mode: 'ratio',
  extract: pick,
});

export const metricDefinitions: Record<string, MetricDefinition> = {
  p50: latency('p50', (summary) => summary.latency.response.p50),
  p90: latency('p90', (summary) => summary.latency.response.p90),
  p99: latency('p99', (summary) => summary.latency.response.p99),
  p999: latency('p999', (summary) => summary.latency.response.p999),
  mean: latency('mean', (summary) => summary.latency.response.mean),
  throughput: {
    name: 'throughput',
    unit: 'req/s',
    better: 'higher',
    mode: 'ratio',
    extract: (summary) => summary.achievedRate,
  },
  errorRate: {
    name: 'errorRate',
    unit: 'fraction',
    better: 'lower',
    mode: 'difference',
    extract: (summary) => summary.errors / Math.max(1, summary.requests),
  },
};

export const defaultMetrics = ['p50', 'p99', 'throughput', 'errorRate'];

const aliases: Record<string, string> = {
  achievedRate: 'throughput',
  rps: 'throughput',
  'error-rate': 'errorRate',
  errors: 'errorRate',
  'p99.9': 'p999',
  median: 'p50',
};

/** ['p50,p99', 'throughput'] → definitions; unknown names fail listing the valid ones. */
export function resolveMetrics(names: readonly string[]): MetricDefinition[] {
  const wanted = names
    .flatMap((name) => name.split(','))
    .map((name) => name.trim())
    .filter(Boolean);
  const resolved = new Map<string, MetricDefinition>();
  for (const name of wanted.length > 0 ? wanted : defaultMetrics) {
    const definition = metricDefinitions[aliases[name] ?? name];
    if (!definition) {
      throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `--metric '${name}' is not a comparable metric`, {
        hint: `use ${Object.keys(metricDefinitions).join(', ')}`,
      });
    }
    resolved.set(definition.name, definition);
  }
  return [...resolved.values()];
}
