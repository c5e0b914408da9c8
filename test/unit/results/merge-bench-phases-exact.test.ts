import { describe, expect, it } from 'vitest';
import { createHistogram, decodeHistogram, encodeHistogram, recordMs } from '../../../results/histogram.ts';
import { mergeBenchResults } from '../../../results/merge.ts';
import { type PhaseHistograms, resultsFileSchema } from '../../../results/schema.ts';
import { shardResults } from '../shard/bench-shard-fixture.ts';

function encoded(values: number[]): string {
  const histogram = createHistogram();
  for (const ms of values) recordMs(histogram, ms);
  return encodeHistogram(histogram);
}

const waiting = [
  Array.from({ length: 300 }, (_, i) => 0.2 + i * 0.003),
  Array.from({ length: 40 }, (_, i) => 20 + i),
];

function withPhases(index: number): ReturnType<typeof shardResults> {
  const phases: PhaseHistograms = {
    connecting: encoded([1 + index]),
    tlsHandshaking: encoded([3 + index]),
    waiting: encoded(waiting[index]!),
    receiving: encoded([0.1]),
  };
  return { ...shardResults(index, 2, waiting[index]!), phaseHistograms: phases, protocol: 'h2' };
}

describe('merging shards keeps request phases exact and the protocol', () => {
  it('the merged p99 of http_req_waiting is the p99 of all the shards’ values', () => {
    const merged = mergeBenchResults([
      { name: 'a.json', results: withPhases(0) },
      { name: 'b.json', results: withPhases(1) },
    ]);
    const union = createHistogram();
    for (const ms of waiting.flat()) recordMs(union, ms);
    const mergedWaiting = decodeHistogram(merged.phaseHistograms!.waiting);
    expect(mergedWaiting.totalCount).toBe(340);
    expect(mergedWaiting.getValueAtPercentile(99)).toBe(union.getValueAtPercentile(99));
    expect(merged.summary.phases!.waiting.p99).toBe(union.getValueAtPercentile(99) / 1000);
    expect(merged.summary.phases!.connecting.count).toBe(2);
    expect(merged.protocol).toBe('h2');
    expect(resultsFileSchema.safeParse(merged).success).toBe(true);
  });

  it('shards written before phases existed merge without them', () => {
    const merged = mergeBenchResults([
      { name: 'a.json', results: shardResults(0, 2, [1, 2]) },
      { name: 'b.json', results: shardResults(1, 2, [3]) },
    ]);
    expect(merged.phaseHistograms).toBeUndefined();
    expect(merged.summary.phases).toBeUndefined();
    expect(merged.protocol).toBeUndefined();
  });
});
