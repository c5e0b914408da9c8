/**
 * The `database` target: one app process with the `orders` feature. db=normalized|denormalized use a
 * scratch database (sb_database_<random>, dropped on stop) on the resolved PostgreSQL server (DATABASE_URL
 * names the server), or ORDERS_DATABASE_URL as is (its orders tables are reseeded when they differ). db=replica starts a dedicated primary and a streaming
 * replica (targets/database/replica-pair.ts); reads go to the replica. All three are seeded with the
 * same deterministic data set before the app starts. With db=replica, scalebench samples the replica's
 * lag every 50 ms (targets/database/lag-monitor.ts) and counters() answers replicaLagMs/replicaLagBytes as
 * the PEAK since the previous counters() call, so a once-a-second scrape sees each second's worst lag.
 */
import { randomBytes } from 'node:crypto';
import { onCleanup } from '../../core/cleanup.ts';
import { prepareOrdersDatabase } from '../app/orders/seed.ts';
import type { SeedSpec } from '../app/orders/seed-data.ts';
import { spawnApp } from '../process/app-process.ts';
import { Fleet } from '../process/fleet.ts';
import { createDatabase, dropDatabase } from '../services/postgres.ts';
import { resolveService } from '../services/resolve.ts';
import type { InstanceInfo, RunningTarget, TargetDefinition, TargetStartOptions } from '../target.ts';
import { resolveVariant } from '../variant.ts';
import { type LagMonitor, startLagMonitor } from './lag-monitor.ts';
import { createReplicaLagProbe, type ReplicaLagProbe, type ReplicaLagSample } from './lag-probe.ts';
import { type ReplicaPair, startReplicaPair } from './replica-pair.ts';
import { parseSeedSpec } from './seed-spec.ts';

export const databaseVariants = { db: ['normalized', 'denormalized', 'replica'] } as const;

export interface DatabaseTarget extends RunningTarget {
  db: string;
  /** the primary the app writes to */
  databaseUrl: string;
  /** the replica pair for db=replica (pause/resume replay, catch-up), else undefined */
  replica: ReplicaPair | undefined;
  /** one raw lag sample now (db=replica), else undefined; counters() has the 50 ms-sampled peak */
  sampleLag(): Promise<ReplicaLagSample | undefined>;
}

/** where the data lives for this start, and how to give it back */
interface Storage {
  databaseUrl: string;
  replica: ReplicaPair | undefined;
  release(): Promise<void>;
}

async function prepareStorage(
  db: string,
  env: Record<string, string | undefined>,
  spec: SeedSpec,
): Promise<Storage> {
  if (db === 'replica') {
    const replica = await startReplicaPair({
      env,
      beforeBackup: (url) => prepareOrdersDatabase(url, spec).then(() => {}),
    });
    return { databaseUrl: replica.primary.url, replica, release: () => replica.stop() };
  }
  if (env.ORDERS_DATABASE_URL) {
    await prepareOrdersDatabase(env.ORDERS_DATABASE_URL, spec);
    return { databaseUrl: env.ORDERS_DATABASE_URL, replica: undefined, release: async () => {} };
  }
  const server = await resolveService('postgres', { env });
  const name = `sb_database_${randomBytes(4).toString('hex')}`;
  const drop = onCleanup(`drop database ${name}`, async () => {
    await dropDatabase(server.url, name);
    await server.stop();
  });
  try {
    const databaseUrl = await createDatabase(server.url, name);
    await prepareOrdersDatabase(databaseUrl, spec);
    return { databaseUrl, replica: undefined, release: drop };
  } catch (error: unknown) {
    await drop();
    throw error;
  }
}

export async function startDatabaseTarget(options: TargetStartOptions): Promise<DatabaseTarget> {
  const { db } = resolveVariant(databaseTarget, options.variant) as { db: string };
  const given = options.env ?? {};
  const spec = parseSeedSpec(given.ORDERS_SEED ?? process.env.ORDERS_SEED);
  const storage = await prepareStorage(db, { ...process.env, ...given }, spec);
  const replica = storage.replica;
  const env = {
    ...given,
    FEATURES: 'orders',
    DB: db,
    DATABASE_URL: storage.databaseUrl,
    DATABASE_REPLICA_URL: replica?.replica.url,
  };
  const fleet = new Fleet();
  let probe: ReplicaLagProbe | undefined;
  let monitor: LagMonitor | undefined;
  try {
    await fleet.launch('clone', options.clones ?? 1, (index, port) =>
      spawnApp({ id: `db-app-${index}`, logDir: options.logDir, env, ...(port ? { port } : {}) }),
    );
    if (replica) {
      probe = createReplicaLagProbe(replica.primary.url, replica.replica.url);
      monitor = startLagMonitor(probe.read);
    }
  } catch (error: unknown) {
    await fleet.stop();
    await storage.release();
    throw error;
  }
  const sampleLag = async () => (probe ? probe.sample() : undefined);
  return {
    experiment: 'database',
    url: fleet.get('clone', 0).url!,
    balancer: null,
    db,
    databaseUrl: storage.databaseUrl,
    replica,
    sampleLag,
    instances: () => [...fleet.instances(), ...(replica ? replicaInstances(replica) : [])],
    kill: (kind, index) => fleet.kill(kind, index),
    restart: (kind, index) => fleet.restart(kind, index),
    async counters() {
      const own = await fleet.counters();
      const peak = monitor?.takePeak();
      // the apps' lag gauges would be summed over clones (and are 1 s samples): the monitor's peak replaces them
      if (peak) return { ...own, replicaLagBytes: peak.lagBytes, replicaLagMs: peak.lagMs };
      return own;
    },
    async stop() {
      await monitor?.stop();
      await fleet.stop();
      await probe?.close();
      await storage.release();
    },
  };
}

function replicaInstances(pair: ReplicaPair): InstanceInfo[] {
  return [pair.primary, pair.replica].map((cluster) => ({
    id: `postgres-${cluster.role}`,
    kind: 'replica',
    url: cluster.url,
    pid: cluster.pid,
    alive: cluster.alive(),
    logFile: null,
  }));
}

export const databaseTarget: TargetDefinition = {
  name: 'database',
  description:
    'orders read with a four-table join (db=normalized), from a document precomputed on write (db=denormalized), or joined on a Postgres streaming replica while writes go to the primary (db=replica)',
  variants: databaseVariants,
  // a replica pair is two clusters of its own (system PostgreSQL binaries), not the shared server
  services: (variant) => (variant.db === 'replica' ? [] : ['postgres']),
  start: startDatabaseTarget,
};
