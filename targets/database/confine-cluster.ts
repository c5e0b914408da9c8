/**
 * A PostgreSQL server of a declared size: its postmaster and every process it has already forked
 * (checkpointer, WAL writer, WAL sender, open backends) join one CPU-quota cgroup, and the backends it
 * forks later inherit it — so the whole server, not one process of it, runs in `size` CPUs, as a
 * container with `--cpus` would. Other server models do not apply to a database process: the worker-pool
 * model bounds the app's connection pools instead (database-target.ts).
 */
import { readFile } from 'node:fs/promises';
import { createCpuQuotaGroup } from '../sizing/cpu-quota.ts';
import type { ServerSize } from '../sizing/server-size.ts';

/** the pids a process has forked and that still run (Linux /proc; empty elsewhere) */
export async function childPids(pid: number): Promise<number[]> {
  const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  return text
    .split(/\s+/)
    .filter((word) => word !== '')
    .map(Number);
}

/** what confineCluster did: the group to remove once the server has stopped (a no-op when unsized) */
export interface ClusterConfinement {
  /** processes moved into the group */
  pids: number[];
  release(): Promise<void>;
}

export async function confineCluster(
  name: string,
  postmasterPid: number,
  size: ServerSize | undefined,
): Promise<ClusterConfinement> {
  if (size?.model !== 'cpu-quota' || size.size === null || size.mechanism === undefined)
    return { pids: [], release: async () => {} };
  const group = await createCpuQuotaGroup(name, size.size, size.mechanism);
  const pids = [postmasterPid, ...(await childPids(postmasterPid))];
  try {
    // a backend may exit between listing and moving it: only the postmaster must make it
    for (const pid of pids)
      await group.add(pid).catch((error: unknown) => {
        if (pid === postmasterPid) throw error;
      });
  } catch (error: unknown) {
    await group.remove().catch(() => undefined);
    throw error;
  }
  return { pids, release: () => group.remove() };
}
