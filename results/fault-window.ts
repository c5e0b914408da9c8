/**
 * Errors outside the fault windows: a killed clone or worker fails the requests in flight and a few
 * after it while the balancer notices, which is the fault's point; failures anywhere else are the
 * variant's own (overload, lost sessions answered 401). Thresholds and reports judge those, so a variant
 * failing 18% of its requests all trial long never reads as fine, and a kill's burst does not fail one
 * that recovered.
 */
import type { FaultEvent, SeriesPoint } from './schema.ts';

/** seconds from a fault's own second that belong to it (the kill, then the balancer's health checks) */
export const FAULT_WINDOW_SECONDS = 3;

/** over this share of failed requests outside the fault windows a variant is failing, never ✓ or "faster" */
export const MAX_ERROR_RATE = 0.01;

export interface ErrorsOutsideFaults {
  requests: number;
  errors: number;
  /** errors / requests; 0 without requests */
  rate: number;
}

/**
 * The measured seconds outside every fault's window. Fault times count from the start of the measured
 * part, series seconds from the start of the run (warm-up included): the first measured second joins them.
 */
export function errorsOutsideFaults(
  series: readonly SeriesPoint[],
  faults: readonly Pick<FaultEvent, 'atSeconds'>[],
): ErrorsOutsideFaults {
  const measured = series.filter((point) => !point.warmup);
  const start = measured[0]?.second ?? 0;
  const windows = faults.map((fault) => start + Math.floor(fault.atSeconds));
  const inWindow = (second: number) =>
    windows.some((from) => second >= from && second < from + FAULT_WINDOW_SECONDS);
  let requests = 0;
  let errors = 0;
  for (const point of measured) {
    if (inWindow(point.second)) continue;
    requests += point.requests;
    errors += point.errors;
  }
  return { requests, errors, rate: requests === 0 ? 0 : errors / requests };
}
