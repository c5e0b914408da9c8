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
 * the departed sum. The root's reaped time adds only what it holds beyond the ticks seen of the departed
 * (CPU after their last reading, children too short-lived to be seen): tick counts and the scheduler's
 * exact count of a long-lived backend differ by a few percent, and charging that difference at once, as
 * taking the larger of the two did, held the database ~150 ms after a pool shrank.
 */

export interface TreeSample {
  /** the root's own CPU ms, without what it has reaped */
  rootOwnMs: number;
  /** CPU ms of the root's children it has reaped (cutime + cstime) */
  rootReapedMs: number;
  /** each running descendant's own CPU ms, exact where the kernel keeps it, and in ticks, by pid */
  descendants: Map<number, { ms: number; ticksMs: number }>;
}

export class TreeCpuMeter {
  private readonly live = new Map<number, { ms: number; ticksMs: number }>();
  private departedMs = 0;
  private departedTicksMs = 0;
  private lastTotal = 0;

  /** the tree's CPU ms so far, given a sample read root first, then the descendants */
  observe(sample: TreeSample): number {
    for (const [pid, seen] of this.live) {
      if (sample.descendants.has(pid)) continue;
      this.departedMs += seen.ms;
      this.departedTicksMs += seen.ticksMs;
      this.live.delete(pid);
    }
    let liveMs = 0;
    for (const [pid, now] of sample.descendants) {
      const before = this.live.get(pid);
      const seen = {
        ms: Math.max(now.ms, before?.ms ?? 0),
        ticksMs: Math.max(now.ticksMs, before?.ticksMs ?? 0),
      };
      this.live.set(pid, seen);
      liveMs += seen.ms;
    }
    const unseen = Math.max(0, sample.rootReapedMs - this.departedTicksMs);
    const total = sample.rootOwnMs + liveMs + this.departedMs + unseen;
    this.lastTotal = Math.max(this.lastTotal, total);
    return this.lastTotal;
  }
}
