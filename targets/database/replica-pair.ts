/**
 * The replica manager: a dedicated primary cluster (temp folder, free port, trust auth, WAL for
 * replication) and a streaming replica made from it with pg_basebackup, each on its own port; or the
 * primary alone (startDedicatedPrimary), so every database variant can run on a server of its own. The
 * system PostgreSQL is never touched. Both postmasters and the folder are stopped/removed by stop() or, failing
 * that, by the cleanup stack.
 */
import { chown, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { ScalebenchError } from '../../core/errors.ts';
import { freePort } from '../lifecycle/free-port.ts';
import { makeTempDir } from '../lifecycle/temp-dir.ts';
import { findPgBinaries, pgRunAs } from './pg-binaries.ts';
import {
  basebackupCluster,
  type ClusterCommand,
  initCluster,
  type PgCluster,
  startCluster,
} from './pg-cluster.ts';

export interface ReplicaPairOptions {
  env?: Record<string, string | undefined>;
  /** runs on the primary before the base backup, e.g. schema and seed, so the replica starts with them */
  beforeBackup?: (primaryUrl: string) => Promise<void>;
  /**
   * the replica applies each transaction this long after its commit (recovery_min_apply_delay): the
   * network and apply delay of a replica on another machine, which one on this host does not have
   */
  applyDelayMs?: number;
}

export interface ReplicaPair {
  primary: PgCluster;
  replica: PgCluster;
  /** the temp folder holding both data folders (removed on stop) */
  dir: string;
  /** SELECT pg_wal_replay_pause() on the replica: it keeps receiving WAL but applies none */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** resolves once the replica has replayed everything the primary had written when called */
  waitForCatchUp(timeoutMs?: number): Promise<void>;
  /** stops replica then primary and removes the folder; idempotent */
  stop(): Promise<void>;
}

const primarySettings = {
  wal_level: 'replica',
  max_wal_senders: '4',
  wal_keep_size: '256MB',
  max_connections: '120',
  // commit times of the primary's transactions, for the lag probe (targets/database/lag-probe.ts)
  track_commit_timestamp: 'on',
};

/** one dedicated primary cluster, without a replica (the database target's other variants) */
export interface DedicatedPrimary {
  primary: PgCluster;
  dir: string;
  /** stops the primary and removes the folder; idempotent */
  stop(): Promise<void>;
}

interface Clusters {
  primary: PgCluster;
  replica: PgCluster | undefined;
  dir: string;
  stop(): Promise<void>;
}

async function startClusters(options: ReplicaPairOptions, withReplica: boolean): Promise<Clusters> {
  const binaries = await findPgBinaries(options.env);
  const command: ClusterCommand = { binaries, runAs: await pgRunAs() };
  const folder = makeTempDir('pg-replica');
  const started: PgCluster[] = [];
  const stop = async () => {
    for (const cluster of started.reverse()) await cluster.stop();
    started.length = 0;
    await folder.remove();
  };
  try {
    if (command.runAs) await chown(folder.path, command.runAs.uid, command.runAs.gid);
    const primaryDir = join(folder.path, 'primary');
    await mkdir(primaryDir, { mode: 0o700 });
    if (command.runAs) await chown(primaryDir, command.runAs.uid, command.runAs.gid);
    await initCluster(command, primaryDir);
    const primary = await startCluster({
      ...command,
      role: 'primary',
      dataDir: primaryDir,
      port: await freePort(),
      settings: primarySettings,
    });
    started.push(primary);
    await options.beforeBackup?.(primary.url);
    if (!withReplica) return { primary, replica: undefined, dir: folder.path, stop };
    const replicaDir = join(folder.path, 'replica');
    await basebackupCluster(command, primary.port, replicaDir);
    const replica = await startCluster({
      ...command,
      role: 'replica',
      dataDir: replicaDir,
      port: await freePort(),
      settings: {
        hot_standby: 'on',
        max_connections: '120',
        ...(options.applyDelayMs ? { recovery_min_apply_delay: `${options.applyDelayMs}ms` } : {}),
      },
    });
    started.push(replica);
    return { primary, replica, dir: folder.path, stop };
  } catch (error: unknown) {
    await stop();
    throw error;
  }
}

/** A primary cluster of its own, set up as the replica pair's primary is (same settings, same seed hook). */
export async function startDedicatedPrimary(options: ReplicaPairOptions = {}): Promise<DedicatedPrimary> {
  const { primary, dir, stop } = await startClusters(options, false);
  return { primary, dir, stop };
}

export async function startReplicaPair(options: ReplicaPairOptions = {}): Promise<ReplicaPair> {
  const { primary, replica, dir, stop } = await startClusters(options, true);
  if (!replica) throw new Error('unreachable: a replica pair without its replica');
  return {
    primary,
    replica,
    dir,
    pauseReplay: () => onReplica(replica.url, 'SELECT pg_wal_replay_pause()'),
    resumeReplay: () => onReplica(replica.url, 'SELECT pg_wal_replay_resume()'),
    waitForCatchUp: (timeoutMs) => waitForCatchUp(primary.url, replica.url, timeoutMs ?? 10_000),
    stop,
  };
}

async function onReplica(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function waitForCatchUp(primaryUrl: string, replicaUrl: string, timeoutMs: number): Promise<void> {
  const primary = new pg.Client({ connectionString: primaryUrl });
  const replica = new pg.Client({ connectionString: replicaUrl });
  await primary.connect();
  await replica.connect();
  try {
    const { rows } = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    const target = rows[0]!.lsn;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { rows: replayed } = await replica.query<{ done: boolean }>(
        'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done',
        [target],
      );
      if (replayed[0]?.done) return;
      await sleep(20);
    }
    throw new ScalebenchError(
      'SB_ERR_TARGET_START',
      `the replica did not reach ${target} in ${timeoutMs} ms`,
    );
  } finally {
    await Promise.all([primary.end(), replica.end()]);
  }
}
