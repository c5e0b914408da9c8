/**
 * One replica lag sample from the replica's own replay position: WAL bytes between the primary's current
 * position and the replica's last replayed one, and (when behind) the age of the last replayed transaction.
 * Shared by the app (/metrics gauges) and scalebench's probe (targets/database/lag-probe.ts).
 */
import type pg from 'pg';
import { lsnLagBytes } from './lsn.ts';

/** anything with pg's query(text) — a Client or a Pool */
export interface Queryable {
  query<R extends pg.QueryResultRow>(text: string): Promise<pg.QueryResult<R>>;
}

export interface ReplicaLagSample {
  /** WAL bytes the replica has not replayed yet */
  lagBytes: number;
  /** 0 when caught up, else now − the commit time of the last replayed transaction, in ms (an upper bound
   * that grows with the time since the previous commit; targets/database/lag-window.ts bounds it) */
  lagMs: number;
  /** replay paused with pg_wal_replay_pause() */
  replayPaused: boolean;
  /** the primary's WAL position and the replica's replay position, as read */
  primaryLsn: string;
  replayLsn: string;
  /** now − the commit time of the last replayed transaction (ms), or null before the first one */
  replayAgeMs: number | null;
  /** `now()` when the primary's position had been read, and when the replica's had */
  primaryAt: number;
  replicaAt: number;
}

interface ReplicaRow {
  replay_lsn: string | null;
  receive_lsn: string | null;
  replay_age_ms: number | null;
  paused: boolean;
}

/**
 * One sample. The primary is read first, so a replica that replays in between reads as caught up (0).
 * `now` (ms, monotonic) stamps the two reads.
 */
export async function sampleReplicaLag(
  primary: Queryable,
  replica: Queryable,
  now: () => number = () => performance.now(),
): Promise<ReplicaLagSample> {
  const { rows: primaryRows } = await primary.query<{ lsn: string }>(
    'SELECT pg_current_wal_lsn()::text AS lsn',
  );
  const primaryAt = now();
  const { rows } = await replica.query<ReplicaRow>(
    `SELECT pg_last_wal_replay_lsn()::text AS replay_lsn, pg_last_wal_receive_lsn()::text AS receive_lsn,
       (extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::float8 AS replay_age_ms,
       pg_is_wal_replay_paused() AS paused`,
  );
  const replicaAt = now();
  const primaryLsn = primaryRows[0]?.lsn;
  const row = rows[0];
  if (!primaryLsn || !row?.replay_lsn)
    throw new Error('the replica has not replayed any WAL yet (is it a standby?)');
  const lagBytes = lsnLagBytes(primaryLsn, row.replay_lsn);
  const replayAgeMs = row.replay_age_ms === null ? null : Math.max(0, row.replay_age_ms);
  const lagMs = lagBytes === 0 ? 0 : (replayAgeMs ?? 0);
  return {
    lagBytes,
    lagMs,
    replayPaused: row.paused,
    primaryLsn,
    replayLsn: row.replay_lsn,
    replayAgeMs,
    primaryAt,
    replicaAt,
  };
}
