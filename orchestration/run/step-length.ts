/**
 * How long a capacity step measures: long enough that its p99 is a percentile, not the maximum of a few
 * hundred requests — at least MIN_STEP_REQUESTS requests and MIN_STEP_MS, whichever is longer. The
 * requests a step makes per iteration are learned from the steps before it (a flow makes one or more).
 */

/** a p99 over 500 requests leaves 5 above it */
export const MIN_STEP_REQUESTS = 500;
export const MIN_STEP_MS = 2_000;
/** no step measures longer than this, whatever its rate (a very slow target) */
export const MAX_STEP_MS = 15_000;

export function stepLengthMs(
  rate: number,
  requestsPerIteration: number,
  declaredMs: number,
  least: { requests: number; ms: number } = { requests: MIN_STEP_REQUESTS, ms: MIN_STEP_MS },
): number {
  const perSecond = rate * Math.max(1, requestsPerIteration);
  const forRequests = perSecond > 0 ? Math.ceil((least.requests / perSecond) * 10) * 100 : MAX_STEP_MS;
  return Math.min(MAX_STEP_MS, Math.max(least.ms, declaredMs, forRequests));
}
