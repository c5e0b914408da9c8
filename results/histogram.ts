/**
 * The one owner of HdrHistograms: creation, recording units, encoding to compressed base64, decoding,
 * exact merging and the percentile summary written into results. Values are recorded in microseconds
 * (1 µs to 1 h, 3 significant digits) and reported in milliseconds.
 */
import * as hdr from 'hdr-histogram-js';
import { PHASES } from './phases.ts';
import type { EncodedHistograms, LatencyStats, PhaseHistograms, PhaseStats } from './schema.ts';

export type Histogram = hdr.Histogram;

const LOWEST_US = 1;
const HIGHEST_US = 3_600_000_000;
const SIGNIFICANT_DIGITS = 3;

/** Below this, an index is computed with 32-bit integer operations (about 35 min in µs). */
const INT32_LIMIT = 0x8000_0000;

/**
 * hdr-histogram-js's Int32Histogram with the index of a value computed as HdrHistogram's Java and C
 * versions do it — leading zeros and shifts — instead of Math.log2 and Math.pow: recording is on the
 * load engine's hot path (three records per request). Same buckets, same encoding; values beyond
 * 32-bit range take the library's own path.
 */
class IntegerIndexHistogram extends hdr.Int32Histogram {
  override getBucketIndex(value: number): number {
    if (!(value < INT32_LIMIT)) return super.getBucketIndex(value); // NaN included
    return Math.max(31 - Math.clz32(value) - this.subBucketHalfCountMagnitude - this.unitMagnitude, 0);
  }

  override getSubBucketIndex(value: number, bucketIndex: number): number {
    if (!(value < INT32_LIMIT)) return super.getSubBucketIndex(value, bucketIndex);
    return value >>> (bucketIndex + this.unitMagnitude);
  }

  override countsArrayIndex(value: number): number {
    if (!(value >= 0 && value < INT32_LIMIT)) return super.countsArrayIndex(value); // NaN included
    const bucketIndex = this.getBucketIndex(value);
    const subBucketIndex = this.getSubBucketIndex(value, bucketIndex);
    return ((bucketIndex + 1) << this.subBucketHalfCountMagnitude) + subBucketIndex - this.subBucketHalfCount;
  }
}

export function createHistogram(): Histogram {
  const histogram = new IntegerIndexHistogram(LOWEST_US, HIGHEST_US, SIGNIFICANT_DIGITS);
  histogram.autoResize = true; // as hdr.build() sets it
  return histogram;
}

/** Records a duration given in milliseconds (float); values are clamped into the trackable range. */
export function recordMs(histogram: Histogram, ms: number): void {
  const us = Math.round(ms * 1000);
  histogram.recordValue(Math.min(HIGHEST_US, Math.max(LOWEST_US, us)));
}

export function encodeHistogram(histogram: Histogram): string {
  return hdr.encodeIntoCompressedBase64(histogram);
}

export function decodeHistogram(encoded: string): Histogram {
  const decoded = hdr.decodeFromCompressedBase64(encoded);
  const histogram = createHistogram();
  histogram.add(decoded);
  return histogram;
}

/** Pure merge: a new histogram holding every value of the inputs (exact, not an average of percentiles). */
export function mergeHistograms(histograms: readonly Histogram[]): Histogram {
  const merged = createHistogram();
  for (const histogram of histograms) merged.add(histogram);
  return merged;
}

export function mergeEncoded(encoded: readonly string[]): string {
  return encodeHistogram(mergeHistograms(encoded.map(decodeHistogram)));
}

/** Merges the response/service/scheduleLag triplets of several runs or workers. */
export function mergeEncodedSets(sets: readonly EncodedHistograms[]): EncodedHistograms {
  return {
    response: mergeEncoded(sets.map((set) => set.response)),
    service: mergeEncoded(sets.map((set) => set.service)),
    scheduleLag: mergeEncoded(sets.map((set) => set.scheduleLag)),
  };
}

/** Request phase histograms of several threads, runs or shards merged exactly; undefined when none had any. */
export function mergePhaseSets(sets: readonly PhaseHistograms[]): PhaseHistograms | undefined {
  if (sets.length === 0) return undefined;
  return Object.fromEntries(
    PHASES.map((phase) => [phase, mergeEncoded(sets.map((set) => set[phase]))]),
  ) as PhaseHistograms;
}

/** Each request phase's histogram summarized in ms. */
export function summarizePhases(phases: PhaseHistograms): PhaseStats {
  return Object.fromEntries(
    PHASES.map((phase) => [phase, summarizeHistogram(decodeHistogram(phases[phase]))]),
  ) as PhaseStats;
}

const usToMs = (us: number) => us / 1000;

/** Percentile in ms (percentile given 0..100). */
export function percentileMs(histogram: Histogram, percentile: number): number {
  return histogram.totalCount === 0 ? 0 : usToMs(histogram.getValueAtPercentile(percentile));
}

/** How many recorded values lie above `ms` (to the histogram's precision), by bisecting its percentiles. */
export function countAboveMs(histogram: Histogram, ms: number): number {
  if (histogram.totalCount === 0 || percentileMs(histogram, 100) <= ms) return 0;
  let low = 0;
  let high = 100;
  for (let step = 0; step < 40; step += 1) {
    const middle = (low + high) / 2;
    if (percentileMs(histogram, middle) <= ms) low = middle;
    else high = middle;
  }
  return Math.round((histogram.totalCount * (100 - low)) / 100);
}

export function summarizeHistogram(histogram: Histogram): LatencyStats {
  if (histogram.totalCount === 0) {
    return { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p99: 0, p999: 0, max: 0 };
  }
  return {
    count: histogram.totalCount,
    // request phases record 0 for a phase that did not happen (a reused connection's connect)
    min: histogram.getValueAtPercentile(0) === 0 ? 0 : usToMs(histogram.minNonZeroValue),
    mean: usToMs(histogram.mean),
    p50: percentileMs(histogram, 50),
    p90: percentileMs(histogram, 90),
    p99: percentileMs(histogram, 99),
    p999: percentileMs(histogram, 99.9),
    max: usToMs(histogram.maxValue),
  };
}
