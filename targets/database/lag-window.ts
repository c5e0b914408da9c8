/**
 * Replica lag in ms that is not 0 while the replica is behind, from samples taken every ~50 ms. Each
 * sample remembers the primary's WAL position and when it was seen (a "mark"). With replay position R:
 *   lower bound = now − first time a position past R was seen (that WAL has waited at least this long);
 *   upper bound = now − last time the primary was seen at or before R (WAL past R was written after it).
 * When the primary's newest commit is known not to be replayed yet (its commit time is later than the
 * replica's last replayed one), the lag is at least now − that commit time: exactly the lag of the oldest
 * unreplayed transaction when it is the only one, the usual case for millisecond lag; that raises the
 * lower bound and is the answer. Otherwise the estimate is now − the commit time of the last replayed
 * transaction (PostgreSQL's own replay delay), clamped to the bounds: after an idle spell that age alone
 * would count the idle time, and before the first commit there is none (the lower bound is used).
 * Caught up (R ≥ the primary's position just read) is 0.
 */
import { parseLsn } from '../app/orders/lsn.ts';
import type { ReplicaLagSample } from '../app/orders/replica-lag.ts';

export type LagReading = Pick<
  ReplicaLagSample,
  'primaryLsn' | 'replayLsn' | 'replayAgeMs' | 'primaryAt' | 'replicaAt'
> & {
  /** now − commit time of the primary's newest transaction when the replica has not replayed it, else null */
  unreplayedCommitAgeMs?: number | null;
  /** pg_stat_replication.replay_lag on the primary: the last replay delay PostgreSQL measured, or null */
  measuredReplayLagMs?: number | null;
};

interface Mark {
  lsn: bigint;
  firstAt: number;
  lastAt: number;
}

/** marks kept at most (a minute of 50 ms samples while the replica stays behind) */
const maxMarks = 1200;

export class LagWindow {
  private marks: Mark[] = [];

  /** records the reading's primary position and answers the replica's lag in ms at that reading */
  observe(reading: LagReading): number {
    const primary = parseLsn(reading.primaryLsn);
    const replayed = parseLsn(reading.replayLsn);
    this.mark(primary, reading.primaryAt);
    if (replayed >= primary) {
      this.marks = this.marks.slice(-1);
      return 0;
    }
    const ahead = this.marks.findIndex((mark) => mark.lsn > replayed);
    const first = this.marks[ahead]!; // the current position is past R, so there is one
    const before = ahead > 0 ? this.marks[ahead - 1] : undefined;
    if (ahead > 1) this.marks = this.marks.slice(ahead - 1);
    const lower = Math.max(0, reading.replicaAt - first.firstAt);
    const pending = reading.unreplayedCommitAgeMs;
    if (pending !== undefined && pending !== null) return Math.max(lower, pending);
    const upper = before ? Math.max(lower, reading.replicaAt - before.lastAt) : Number.POSITIVE_INFINITY;
    const estimate = reading.replayAgeMs ?? lower;
    const lag = Math.min(Math.max(estimate, lower), upper);
    return Number.isFinite(lag) ? lag : lower;
  }

  private mark(lsn: bigint, at: number): void {
    const last = this.marks.at(-1);
    if (last && last.lsn === lsn) {
      last.lastAt = at;
      return;
    }
    // a position behind the last one: a new primary; forget the old one's marks
    if (last && lsn < last.lsn) this.marks = [];
    this.marks.push({ lsn, firstAt: at, lastAt: at });
    if (this.marks.length > maxMarks) this.marks.splice(1, 1);
  }
}
