/**
 * The WebSocket and event-stream metrics of `bench --trials N` (and of a sharded bench) survive the
 * merge: counters summed, each trend's HdrHistogram merged exactly, its stats recomputed from it.
 */
import { describe, expect, it } from 'vitest';
import { createHistogram, decodeHistogram, encodeHistogram, recordMs } from '../../../results/histogram.ts';
import { mergeBenchResults } from '../../../results/merge.ts';
import { poolTrials } from '../../../results/pool-trials.ts';
import type { StreamMetrics } from '../../../results/schema.ts';
import { buildBenchFixture } from '../../helpers/results-fixtures.ts';

function trend(values: readonly number[]) {
  const histogram = createHistogram();
  for (const ms of values) recordMs(histogram, ms);
  return {
    stats: { count: values.length, min: 0, p50: 0, p90: 0, p99: 0, p999: 0, max: 0, mean: 0 },
    histogram: encodeHistogram(histogram),
  };
}

const replies = [
  [1, 2, 3, 40],
  [5, 6],
  [7, 8, 9, 900, 2],
];

const metrics: StreamMetrics[] = [
  {
    flowCounters: { ws_sessions: 3, ws_msgs_sent: 4, ws_msgs_received: 4 },
    trends: { ws_reply: trend(replies[0]!), ws_connecting: trend([1, 1, 1]) },
  },
  {
    flowCounters: { ws_sessions: 2, ws_msgs_sent: 2, ws_msgs_received: 2, ws_close_1011: 1 },
    trends: { ws_reply: trend(replies[1]!), ws_session_duration: trend([1000, 1001]) },
  },
  {
    flowCounters: { ws_sessions: 4, ws_msgs_sent: 5, ws_msgs_received: 5, sse_events: 7 },
    trends: { ws_reply: trend(replies[2]!), sse_first_event: trend([3]) },
  },
];

describe('merging the WebSocket and event-stream metrics of several runs', () => {
  const trials = metrics.map((m, index) => ({ ...buildBenchFixture({ seed: index + 1, seconds: 2 }), ...m }));

  it('pools trials: counters summed, histograms merged exactly', () => {
    const pooled = poolTrials(trials);
    expect(pooled.flowCounters).toEqual({
      ws_sessions: 9,
      ws_msgs_sent: 11,
      ws_msgs_received: 11,
      ws_close_1011: 1,
      sse_events: 7,
    });
    const all = replies.flat();
    const reply = pooled.trends!['ws_reply']!;
    expect(decodeHistogram(reply.histogram).totalCount).toBe(all.length);
    expect(reply.stats.count).toBe(all.length);
    expect(reply.stats.max).toBeCloseTo(900, 0);
    const direct = createHistogram();
    for (const ms of all) recordMs(direct, ms);
    expect(reply.histogram).toBe(encodeHistogram(direct));
    expect(Object.keys(pooled.trends!).sort()).toEqual(
      ['sse_first_event', 'ws_connecting', 'ws_reply', 'ws_session_duration'].sort(),
    );
  });

  it('merges shards the same way', () => {
    const shards = trials.map((results, index) => ({
      name: `s${index}`,
      results: { ...results, shard: { index, count: trials.length } },
    }));
    const merged = mergeBenchResults(shards);
    expect(merged.flowCounters?.['ws_sessions']).toBe(9);
    expect(merged.trends?.['ws_reply']?.stats.count).toBe(replies.flat().length);
  });

  it('adds nothing to an HTTP run', () => {
    const http = [1, 2].map((seed) => buildBenchFixture({ seed, seconds: 2 }));
    const pooled = poolTrials(http);
    expect(pooled.flowCounters).toBeUndefined();
    expect(pooled.trends).toBeUndefined();
  });
});
