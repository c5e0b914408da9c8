/**
 * The `database` target: one app process with the `orders` feature. db=normalized|denormalized use a
 * scratch database (sb_database_<random>, dropped on stop) on the resolved PostgreSQL server (DATABASE_URL
 * names the server), or ORDERS_DATABASE_URL as is (its orders tables are reseeded when they differ). db=replica starts a dedicated primary and a streaming
 * replica (targets/database/replica-pair.ts); reads go to the replica. All three are seeded with the
 * same deterministic data set before the app starts. With db=replica, scalebench samples the replica's
 * lag every 50 ms (targets/database/lag-monitor.ts) and counters() answers replicaLagMs/replicaLagBytes as
 * the PEAK since the previous counters() call, so a once-a-second scrape sees each second's worst lag.
 * With a CPU size (options.server: a cgroup quota, or the governor where cgroups are not writable),
 * every variant gets PostgreSQL servers of its own of that size — a dedicated primary, or the primary and
 * the replica — each confined once seeded (confine-cluster.ts: the same quota, or the stop/continue
 * limiter), so the variants compare servers of one size and the replica is a second one.
 * With the worker-pool model, the app's connection pools hold at most `size` connections per server.
 * The app process itself is left unconfined: it is the database tier this experiment sizes and compares,
 * and a capped app (~2 ms of CPU per account page) would cap the replica's read capacity before the
 * databases do.
 */
import { randomBytes } from 'node:crypto';
import { onCleanup } from '../../core/cleanup.ts';
import { prepareOrdersDatabase } from '../app/orders/seed.ts';
import type { SeedSpec } from '../app/orders/seed-data.ts';
import { spawnApp } from '../process/app-process.ts';
import { Fleet } from '../process/fleet.ts';
import { createDatabase, dropDatabase } from '../services/postgres.ts';
import { resolveService } from '../services/resolve.ts';
import { capsCpu, externalServerSize, type ServerSize } from '../sizing/server-size.ts';
import type { InstanceInfo, RunningTarget, TargetDefinition, TargetStartOptions } from '../target.ts';
import { resolveVariant } from '../variant.ts';
import { type ClusterConfinement, confineCluster } from './confine-cluster.ts';
import { type LagMonitor, startLagMonitor } from './lag-monitor.ts';
import { createReplicaLagProbe, type ReplicaLagProbe, type ReplicaLagSample } from './lag-probe.ts';
import type { PgCluster } from './pg-cluster.ts';
import { type ReplicaPair, startDedicatedPrimary, startReplicaPair } from './replica-pair.ts';
import { parseSeedSpec } from './seed-spec.ts';

export const databaseVariants = {
  db: ['normalized', 'denormalized', 'replica'],
  /** db=replica: reads on the replica only, or spread over the replica and the primary */
  reads: ['replica', 'spread'],
} as const;

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
  /** PostgreSQL servers this target started (shown among its instances) */
  clusters: PgCluster[];
  release(): Promise<void>;
}

/** confines each cluster to `size` and answers a release that stops them, then removes their groups */
async function sized(
  clusters: PgCluster[],
  size: ServerSize | undefined,
  stop: () => Promise<void>,
): Promise<() => Promise<void>> {
  const confined: ClusterConfinement[] = [];
  const release = async () => {
    // a limited server is let go before it is told to stop (a stopped process keeps its signals)
    for (const confinement of confined) await confinement.beforeStop().catch(() => undefined);
    await stop();
    for (const confinement of confined) await confinement.release().catch(() => undefined);
  };
  try {
    for (const cluster of clusters)
      confined.push(await confineCluster(`postgres-${cluster.role}`, cluster.pid, externalServerSize(size)));
  } catch (error: unknown) {
    await release();
    throw error;
  }
  return release;
}

async function prepareStorage(
  db: string,
  env: Record<string, string | undefined>,
  spec: SeedSpec,
  size: ServerSize | undefined,
): Promise<Storage> {
  const seed = (url: string) => prepareOrdersDatabase(url, spec).then(() => {});
  if (db === 'replica') {
    const applyDelayMs = Number(env.REPLICA_APPLY_DELAY_MS ?? 0);
    const replica = await startReplicaPair({
      env,
      beforeBackup: seed,
      ...(Number.isFinite(applyDelayMs) && applyDelayMs > 0 ? { applyDelayMs } : {}),
    });
    const clusters = [replica.primary, replica.replica];
    const release = await sized(clusters, size, () => replica.stop());
    return { databaseUrl: replica.primary.url, replica, clusters, release };
  }
  if (env.ORDERS_DATABASE_URL) {
    await prepareOrdersDatabase(env.ORDERS_DATABASE_URL, spec);
    return {
      databaseUrl: env.ORDERS_DATABASE_URL,
      replica: undefined,
      clusters: [],
      release: async () => {},
    };
  }
  if (capsCpu(size)) {
    const own = await startDedicatedPrimary({ env, beforeBackup: seed });
    const release = await sized([own.primary], size, () => own.stop());
    return { databaseUrl: own.primary.url, replica: undefined, clusters: [own.primary], release };
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
    return { databaseUrl, replica: undefined, clusters: [], release: drop };
  } catch (error: unknown) {
    await drop();
    throw error;
  }
}

/** The apps' knobs: the orders feature in the variant's mode, on the storage prepared for it. */
function appEnv(
  given: Record<string, string | undefined>,
  variant: { db: string; reads: string },
  storage: Storage,
  server: ServerSize | undefined,
): Record<string, string | undefined> {
  return {
    ...given,
    FEATURES: 'orders',
    DB: variant.db,
    DB_READS: variant.reads,
    DATABASE_URL: storage.databaseUrl,
    DATABASE_REPLICA_URL: storage.replica?.replica.url,
    // worker-pool servers: each database serves at most `size` queries at once
    ...(server?.model === 'worker-pool' ? { PG_POOL_MAX: String(server.size) } : {}),
  };
}

export async function startDatabaseTarget(options: TargetStartOptions): Promise<DatabaseTarget> {
  const { db, reads } = resolveVariant(databaseTarget, options.variant) as { db: string; reads: string };
  const given = options.env ?? {};
  const spec = parseSeedSpec(given.ORDERS_SEED ?? process.env.ORDERS_SEED);
  const storage = await prepareStorage(db, { ...process.env, ...given }, spec, options.server);
  const replica = storage.replica;
  const env = appEnv(given, { db, reads }, storage, options.server);
  const fleet = new Fleet();
  let probe: ReplicaLagProbe | undefined;
  let monitor: LagMonitor | undefined;
  try {
    await fleet.launch('clone', options.clones ?? 1, (index, port) =>
      spawnApp({
        id: `db-app-${index}`,
        logDir: options.logDir,
        env,
        ...(port ? { port } : {}),
      }),
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
    instances: () => [...fleet.instances(), ...clusterInstances(storage.clusters, options.server)],
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

function clusterInstances(clusters: readonly PgCluster[], size: ServerSize | undefined): InstanceInfo[] {
  const server = externalServerSize(size);
  return clusters.map((cluster) => ({
    id: `postgres-${cluster.role}`,
    kind: 'replica',
    url: cluster.url,
    pid: cluster.pid,
    alive: cluster.alive(),
    logFile: null,
    tree: true,
    ...(server && capsCpu(server) ? { server } : {}),
  }));
}

export const databaseTarget: TargetDefinition = {
  name: 'database',
  description:
    'account pages and orders read with joins and aggregates (db=normalized), from documents rebuilt on every write (db=denormalized), or joined on a Postgres streaming replica while writes go to the primary (db=replica; reads=spread shares reads with the primary)',
  variants: databaseVariants,
  // a replica pair is two clusters of its own (system PostgreSQL binaries), not the shared server
  services: (variant) => (variant.db === 'replica' ? [] : ['postgres']),
  start: startDatabaseTarget,
};
