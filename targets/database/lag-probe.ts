/**
 * Replica lag from the replica's own replay position: bytes between the primary's current WAL position
 * and the replica's last replayed one, and (when it is behind) the age of the last replayed transaction.
 * The experiments sample it once a second (extraSeries.replicaLagMs); the app exposes it at /metrics.
 */
import pg from 'pg';
import { type ReplicaLagSample, sampleReplicaLag } from '../app/orders/replica-lag.ts';

export type { ReplicaLagSample };

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
