/**
 * Merges the WebSocket and event-stream metrics of several parts of one run (the trials of
 * `bench --trials N`, the shards of a sharded bench): counters add up, each latency metric's
 * HdrHistogram is merged exactly and its stats recomputed from the merged histogram. Whether the parts
 * ran side by side or one after another changes nothing here: counts and histograms only add.
 */
import { addCounts, type Counts } from './counts.ts';
import { decodeHistogram, mergeEncoded, summarizeHistogram } from './histogram.ts';
import type { StreamMetrics } from './schema.ts';

type Trends = NonNullable<StreamMetrics['trends']>;

function mergeTrends(parts: readonly Trends[]): Trends {
  const names = [...new Set(parts.flatMap((trends) => Object.keys(trends)))];
  const merged: Trends = {};
  for (const name of names) {
    const encoded = parts.flatMap((trends) => (trends[name]?.histogram ? [trends[name].histogram] : []));
    const histogram = mergeEncoded(encoded);
    merged[name] = { stats: summarizeHistogram(decodeHistogram(histogram)), histogram };
  }
  return merged;
}

/** Nothing when no part has any (an HTTP or gRPC run), else both fields, names in first-seen order. */
export function mergeStreamMetrics(parts: readonly StreamMetrics[]): StreamMetrics {
  const counters = parts.flatMap((part) => (part.flowCounters ? [part.flowCounters] : []));
  const trends = parts.flatMap((part) => (part.trends ? [part.trends] : []));
  if (counters.length === 0 && trends.length === 0) return {};
  const flowCounters: Counts = {};
  for (const part of counters) addCounts(flowCounters, part);
  return { flowCounters, trends: mergeTrends(trends) };
}
