/**
 * Latency that grows through a trial: a variant driven past what it can serve queues more every second,
 * so its p50 at the end is a multiple of its p50 at the start and every ratio taken from it depends on
 * how long the trial ran. Read from the per-second series (the first trial's): the median p50 of the
 * last third of the measured seconds against the first third's.
 */
import type { SeriesPoint } from '../../results/schema.ts';
import { median } from './stats.ts';

/** the end's p50 over this multiple of the start's is growth, not noise */
export const GROWTH_FACTOR = 2;
/** and by at least this many ms (a 1 ms → 2 ms step is no queue) */
export const GROWTH_MIN_MS = 20;

export interface LatencyGrowth {
  fromMs: number;
  toMs: number;
}

/** The growth of p50 through the measured part, or null when it held steady (or too few seconds to tell). */
export function latencyGrowth(series: readonly SeriesPoint[]): LatencyGrowth | null {
  const measured = series.filter((point) => !point.warmup && point.requests > 0);
  if (measured.length < 3) return null;
  const third = Math.floor(measured.length / 3);
  const fromMs = median(measured.slice(0, third).map((point) => point.p50));
  const toMs = median(measured.slice(-third).map((point) => point.p50));
  if (toMs < fromMs * GROWTH_FACTOR || toMs - fromMs < GROWTH_MIN_MS) return null;
  return { fromMs, toMs };
}
