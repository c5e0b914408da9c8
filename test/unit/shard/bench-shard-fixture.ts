/** Synthetic shard results for the merge tests: known latencies, counts and options. */
import {
  createHistogram,
  encodeHistogram,
  recordMs,
  summarizeHistogram,
} from '../../../results/histogram.ts';
import { type BenchResults, SCHEMA_VERSION } from '../../../results/schema.ts';

export function shardResults(
  index: number,
  count: number,
  latenciesMs: number[],
  extra: { errors?: number; options?: Record<string, unknown>; invalid?: string } = {},
): BenchResults {
  const histogram = createHistogram();
  for (const ms of latenciesMs) recordMs(histogram, ms);
  const encoded = encodeHistogram(histogram);
  const stats = summarizeHistogram(histogram);
  const errors = extra.errors ?? 0;
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'bench',
    createdAt: `2025-01-01T00:00:0${index}.000Z`,
    options: {
      baseUrl: 'http://127.0.0.1:8080/',
      executor: { rate: 300 },
      plan: `shard ${index}`,
      ...extra.options,
    },
    environment: {
      scalebenchVersion: '0.0.0',
      nodeVersion: 'v20',
      os: 'linux',
      arch: 'x64',
      cpuModel: 'test',
      cores: 2,
      totalMemoryBytes: 1,
      gitCommit: null,
    },
    summary: {
      durationSeconds: 2,
      requests: latenciesMs.length,
      errors,
      errorsByClass: errors > 0 ? { status_5xx: errors } : {},
      iterations: latenciesMs.length,
      droppedIterations: index,
      achievedRate: latenciesMs.length / 2,
      targetRate: 100,
      latency: { response: stats, service: stats, scheduleLag: stats },
      checks: { ok: { passes: latenciesMs.length - errors, fails: errors } },
      steps: [
        { name: 'GET /', requests: latenciesMs.length, errors: errors > 0 ? { status_5xx: errors } : {} },
      ],
      servedBy: { [`clone-${index % 2}`]: latenciesMs.length },
      valid: extra.invalid === undefined,
      invalidReasons: extra.invalid === undefined ? [] : [extra.invalid],
    },
    histograms: { response: encoded, service: encoded, scheduleLag: encoded },
    series: [
      { second: 0, warmup: false, requests: latenciesMs.length - 1, errors, p50: index, p99: 10 + index },
      { second: 1, warmup: false, requests: 1, errors: 0, p50: 1, p99: 1 },
    ],
    shard: { index, count },
  };
}
