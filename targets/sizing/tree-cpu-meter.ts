/**
 * The CPU a process tree has used, as a count that never goes back and never counts a process twice —
 * what the stop/continue limiter charges its budget with. Summing each reading afresh (the root with
 * what it has reaped, plus each live descendant) is not enough: a descendant reaped between the root's
 * read and the descendants' vanishes from one reading and returns in the root's reaped time in the next,
 * so the budget, which ignores a drop, charged that process's whole CPU twice. A PostgreSQL backend that
 * had served a pool's queries for a minute carried seconds of it: when the pool shrank after an overload,
 * the limiter held the database for seconds and its p99 stayed over 1 s at 40% of its size.
 *
 * Here a descendant counts with the last CPU seen of it while it runs; once gone, that figure moves to
 * the departed sum, and the root's reaped time stands in only where it is larger (CPU after the last
 * reading, children too short-lived to be seen).
 */

export interface TreeSample {
  /** the root's own CPU ms, without what it has reaped */
  rootOwnMs: number;
  /** CPU ms of the root's children it has reaped (cutime + cstime) */
  rootReapedMs: number;
  /** each running descendant's own CPU ms, by pid */
  descendants: Map<number, number>;
}

export class TreeCpuMeter {
  private readonly live = new Map<number, number>();
  private departedMs = 0;
  private lastTotal = 0;

  /** the tree's CPU ms so far, given a sample read root first, then the descendants */
  observe(sample: TreeSample): number {
    for (const [pid, ms] of this.live) {
      if (sample.descendants.has(pid)) continue;
      this.departedMs += ms;
      this.live.delete(pid);
    }
    let liveMs = 0;
    for (const [pid, ms] of sample.descendants) {
      const seen = Math.max(ms, this.live.get(pid) ?? 0);
      this.live.set(pid, seen);
      liveMs += seen;
    }
    const total = sample.rootOwnMs + liveMs + Math.max(this.departedMs, sample.rootReapedMs);
    this.lastTotal = Math.max(this.lastTotal, total);
    return this.lastTotal;
  }
}
