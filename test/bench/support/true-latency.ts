/**
 * The true response times of an open-model run against the freezing server, computed from the
 * schedule and the server's freeze log: a request due at t inside a freeze [s, e] is answered at e
 * at the earliest, so its true response time is e − t + service; outside a freeze it is the service
 * time. Percentiles by nearest rank, as HdrHistogram reports them.
 */

export interface Freeze {
  start: number;
  end: number;
}

export interface Schedule {
  /** monotonic ms of the first arrival */
  startAt: number;
  ratePerSecond: number;
  durationSeconds: number;
}

export function trueResponseTimes(
  schedule: Schedule,
  freezes: readonly Freeze[],
  serviceMs: number,
): number[] {
  const count = Math.round(schedule.ratePerSecond * schedule.durationSeconds);
  const interval = 1000 / schedule.ratePerSecond;
  const sorted = [...freezes].sort((a, b) => a.start - b.start);
  const times: number[] = new Array(count);
  let f = 0;
  for (let i = 0; i < count; i += 1) {
    const due = schedule.startAt + i * interval;
    while (f < sorted.length && sorted[f]!.end <= due) f += 1;
    const freeze = sorted[f];
    times[i] = freeze && freeze.start <= due ? freeze.end - due + serviceMs : serviceMs;
  }
  return times.sort((a, b) => a - b);
}

/** Nearest-rank percentile (0..100) of ascending values. */
export function percentileOfSorted(sorted: readonly number[], percentile: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((percentile / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** Share of the scheduled arrivals that fell inside a freeze. */
export function frozenShare(sorted: readonly number[], serviceMs: number): number {
  return sorted.filter((value) => value > serviceMs).length / sorted.length;
}
