/**
 * Adding up the counted parts of results — error classes, served-by instances, checks — the same way
 * wherever results are combined (worker threads in the engine, shards in `scalebench merge`).
 */

export type Counts = Record<string, number>;
export type CheckCounts = Record<string, { passes: number; fails: number }>;

export function addCounts(into: Counts, from: Counts): void {
  for (const [key, value] of Object.entries(from)) into[key] = (into[key] ?? 0) + value;
}

export function addChecks(into: CheckCounts, from: CheckCounts): void {
  for (const [name, check] of Object.entries(from)) {
    const sum = into[name] ?? { passes: 0, fails: 0 };
    sum.passes += check.passes;
    sum.fails += check.fails;
    into[name] = sum;
  }
}
