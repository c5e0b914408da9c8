/**
 * Replica lag from the replica's own replay position: bytes between the primary's current WAL position
 * and the replica's last replayed one, plus what lag-window.ts needs to put a time on it — the commit
 * time of the primary's newest transaction (the primary runs with track_commit_timestamp=on) and of the
 * replica's last replayed one, and PostgreSQL's own replay_lag (pg_stat_replication: from the primary
 * flushing WAL to the standby reporting it applied, measured for each burst of WAL the standby replays,
 * so it sees millisecond lag a poll would miss). The database target samples it every 50 ms (lag-monitor.ts) and reports
 * each interval's peak, which the experiments scrape once a second (extraSeries.replicaLagMs).
 */
import pg from 'pg';
import { lsnLagBytes } from '../app/orders/lsn.ts';
import { type ReplicaLagSample, sampleReplicaLag } from '../app/orders/replica-lag.ts';
import { logConnectionErrorsOnce } from '../services/log-connection-errors.ts';
import type { LagReading } from './lag-window.ts';

export type { ReplicaLagSample };

export interface ReplicaLagProbe {
  /** the app's sample (lagMs = age of the last replayed commit while behind) */
  sample(): Promise<ReplicaLagSample>;
  /** a reading for lag-window.ts, timed with `now` (ms, monotonic) */
  read(): Promise<LagReading & { lagBytes: number }>;
  close(): Promise<void>;
}

interface PrimaryRow {
  lsn: string;
  commit_ms: number | null;
  replay_lag_ms: number | null;
}

interface ReplicaRow {
  replay_lsn: string | null;
  replay_commit_ms: number | null;
  clock_ms: number;
}

const epochMs = (expression: string) => `(extract(epoch FROM ${expression}) * 1000)::float8`;

/** A probe with one connection to each server, opened on first use. */
export function createReplicaLagProbe(
  primaryUrl: string,
  replicaUrl: string,
  now: () => number = () => performance.now(),
): ReplicaLagProbe {
  // once the probe closes, the servers going down with the target are no outage worth a line
  let closing = false;
  const [primary, replica] = [primaryUrl, replicaUrl].map((url) => {
    const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 2000 });
    const log = logConnectionErrorsOnce(
      `postgres (replica lag probe, ${url === primaryUrl ? 'primary' : 'replica'})`,
    );
    pool.on('error', (error) => {
      if (!closing) log(error);
    });
    return pool;
  }) as [pg.Pool, pg.Pool];
  const read = async () => {
    const { rows: p } = await primary.query<PrimaryRow>(
      `SELECT pg_current_wal_lsn()::text AS lsn, ${epochMs('(pg_last_committed_xact()).timestamp')} AS commit_ms,
         (SELECT max(${epochMs('replay_lag')}) FROM pg_stat_replication) AS replay_lag_ms`,
    );
    const primaryAt = now();
    const { rows: r } = await replica.query<ReplicaRow>(
      `SELECT pg_last_wal_replay_lsn()::text AS replay_lsn,
         ${epochMs('pg_last_xact_replay_timestamp()')} AS replay_commit_ms, ${epochMs('clock_timestamp()')} AS clock_ms`,
    );
    const replicaAt = now();
    const row = r[0];
    if (!p[0] || !row?.replay_lsn)
      throw new Error('the replica has not replayed any WAL yet (is it a standby?)');
    const commitMs = p[0].commit_ms;
    const replayed = row.replay_commit_ms;
    return {
      primaryLsn: p[0].lsn,
      measuredReplayLagMs: p[0].replay_lag_ms,
      replayLsn: row.replay_lsn,
      lagBytes: lsnLagBytes(p[0].lsn, row.replay_lsn),
      primaryAt,
      replicaAt,
      replayAgeMs: replayed === null ? null : Math.max(0, row.clock_ms - replayed),
      // the primary's newest commit is not replayed yet: it has waited this long
      unreplayedCommitAgeMs:
        commitMs !== null && (replayed === null || commitMs > replayed)
          ? Math.max(0, row.clock_ms - commitMs)
          : null,
    };
  };
  return {
    sample: () => sampleReplicaLag(primary, replica),
    read,
    close: async () => {
      closing = true;
      await Promise.all([primary, replica].map((pool) => pool.end().catch(() => {})));
    },
  };
}
