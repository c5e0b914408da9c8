import { describe, expect, it } from 'vitest';
import { createHistogram, decodeHistogram, recordMs } from '../../../results/histogram.ts';
import { mergeBenchResults } from '../../../results/merge.ts';
import { benchResultsSchema } from '../../../results/schema.ts';
import { shardResults } from '../shard/bench-shard-fixture.ts';

const latencies = [
  Array.from({ length: 200 }, (_, i) => 1 + i * 0.01),
  Array.from({ length: 50 }, (_, i) => 40 + i),
  Array.from({ length: 120 }, (_, i) => 5 + (i % 7)),
];
const named = () =>
  latencies.map((ms, index) => ({
    name: `shard-${index}.json`,
    results: shardResults(index, 3, ms, { errors: index }),
  }));

describe('mergeBenchResults combines the shards of one run', () => {
  it('histograms merge exactly: percentiles equal those of all the latencies in one histogram', () => {
    const merged = mergeBenchResults(named());
    const union = createHistogram();
    for (const ms of latencies.flat()) recordMs(union, ms);
    const response = decodeHistogram(merged.histograms.response);
    expect(response.totalCount).toBe(370);
    for (const percentile of [0, 50, 90, 99, 99.9, 100]) {
      expect(response.getValueAtPercentile(percentile)).toBe(union.getValueAtPercentile(percentile));
    }
    expect(merged.summary.latency.response.p99).toBe(union.getValueAtPercentile(99) / 1000);
    expect(merged.summary.latency.response.count).toBe(370);
  });

  it('counters add up, rates add up, series merge per second', () => {
    const { summary, series, mergedFrom, shard } = mergeBenchResults(named());
    expect(summary).toMatchObject({
      requests: 370,
      iterations: 370,
      errors: 3,
      errorsByClass: { status_5xx: 3 },
      droppedIterations: 3,
      achievedRate: 185,
      targetRate: 300,
      checks: { ok: { passes: 367, fails: 3 } },
      steps: [{ name: 'GET /', requests: 370, errors: { status_5xx: 3 } }],
      servedBy: { 'clone-0': 320, 'clone-1': 50 },
      durationSeconds: 2,
      valid: true,
    });
    expect(series).toEqual([
      { second: 0, warmup: false, requests: 367, errors: 3, p50: 2, p99: 12 },
      { second: 1, warmup: false, requests: 3, errors: 0, p50: 1, p99: 1 },
    ]);
    expect(mergedFrom).toBe(3);
    expect(shard).toBeUndefined();
  });

  it('is valid only when every shard is, with the reasons named by shard', () => {
    const inputs = named();
    inputs[1] = {
      name: 'b',
      results: shardResults(1, 3, [1], { invalid: 'schedule lag p99 20 ms > 10 ms' }),
    };
    const { summary } = mergeBenchResults(inputs);
    expect(summary.valid).toBe(false);
    expect(summary.invalidReasons).toEqual(['shard 1/3: schedule lag p99 20 ms > 10 ms']);
  });

  it('is itself a valid bench results file, in shard order whatever the input order', () => {
    const merged = mergeBenchResults(named().reverse());
    expect(benchResultsSchema.safeParse(merged).success).toBe(true);
    expect(merged.createdAt).toBe('2025-01-01T00:00:02.000Z');
    expect(merged.options['plan']).toBe('each of 3 shards: shard 0');
  });
});
