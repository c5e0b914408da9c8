/**
 * Replica lag from the replica's own replay position: bytes between the primary's current WAL position
 * and the replica's last replayed one, and (when it is behind) the age of the last replayed transaction.
 * The experiments sample it once a second (extraSeries.replicaLagMs); the app exposes it at /metrics.
 */
import pg from 'pg';
import { lsnLagBytes } from './lsn.ts';

/** anything with pg's query(text) — a Client or a Pool */
export interface Queryable {
  query<R extends pg.QueryResultRow>(text: string): Promise<pg.QueryResult<R>>;
}

export interface ReplicaLagSample {
  /** WAL bytes the replica has not replayed yet */
  lagBytes: number;
  /** 0 when caught up, else now() − the commit time of the last replayed transaction, in ms */
  lagMs: number;
  /** replay paused with pg_wal_replay_pause() */
  replayPaused: boolean;
}

interface ReplicaRow {
  replay_lsn: string | null;
  receive_lsn: string | null;
  replay_age_ms: number | null;
  paused: boolean;
}

/** One sample. The primary is read first, so a replica that replays in between reads as caught up (0). */
export async function sampleReplicaLag(primary: Queryable, replica: Queryable): Promise<ReplicaLagSample> {
  const { rows: primaryRows } = await primary.query<{ lsn: string }>(
    'SELECT pg_current_wal_lsn()::text AS lsn',
  );
  const { rows } = await replica.query<ReplicaRow>(
    `SELECT pg_last_wal_replay_lsn()::text AS replay_lsn, pg_last_wal_receive_lsn()::text AS receive_lsn,
       (extract(epoch FROM now() - pg_last_xact_replay_timestamp()) * 1000)::float8 AS replay_age_ms,
       pg_is_wal_replay_paused() AS paused`,
  );
  const primaryLsn = primaryRows[0]?.lsn;
  const row = rows[0];
  if (!primaryLsn || !row?.replay_lsn)
    throw new Error('the replica has not replayed any WAL yet (is it a standby?)');
  const lagBytes = lsnLagBytes(primaryLsn, row.replay_lsn);
  const lagMs = lagBytes === 0 ? 0 : Math.max(0, row.replay_age_ms ?? 0);
  return { lagBytes, lagMs, replayPaused: row.paused };
}

export interface ReplicaLagProbe {
  sample(): Promise<ReplicaLagSample>;
  close(): Promise<void>;
}

/** A probe with one connection to each server, opened on first use. */
export function createReplicaLagProbe(primaryUrl: string, replicaUrl: string): ReplicaLagProbe {
  const pools = [primaryUrl, replicaUrl].map((url) => {
    const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 2000 });
    pool.on('error', () => {});
    return pool;
  });
  return {
    sample: () => sampleReplicaLag(pools[0]!, pools[1]!),
    close: async () => {
      await Promise.all(pools.map((pool) => pool.end().catch(() => {})));
    },
  };
}

export interface LagRecorder {
  /** stops sampling and returns replicaLagMs and replicaLagBytes, one value per interval */
  stop(): Promise<{ replicaLagMs: number[]; replicaLagBytes: number[] }>;
}

/** Samples a probe every intervalMs (1000 by default) until stop(); a failed sample is skipped. */
export function recordReplicaLag(probe: ReplicaLagProbe, intervalMs = 1000): LagRecorder {
  const replicaLagMs: number[] = [];
  const replicaLagBytes: number[] = [];
  let pending: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    pending = probe.sample().then(
      (sample) => {
        replicaLagMs.push(sample.lagMs);
        replicaLagBytes.push(sample.lagBytes);
      },
      () => {},
    );
  }, intervalMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await pending;
      return { replicaLagMs, replicaLagBytes };
    },
  };
}
