/**
 * A PostgreSQL server of a declared size: its postmaster and every process it has already forked
 * (checkpointer, WAL writer, WAL sender, open backends) are held to `size` CPUs together, and the
 * backends it forks later are held with them — so the whole server, not one process of it, runs in `size`
 * CPUs, as a container with `--cpus` would. Where cgroups are writable the processes join one CPU-quota
 * cgroup; elsewhere the tree is pinned to whole cores (cpu-affinity.ts) or, for a fractional size, the
 * stop/continue limiter holds it (cpu-limiter.ts).
 * The worker-pool model does not apply to a database process: it bounds the app's connection pools
 * instead (database-target.ts).
 */

import { affinityFor, pinProcesses } from '../sizing/cpu-affinity.ts';
import { startCpuLimiter } from '../sizing/cpu-limiter.ts';
import { createCpuQuotaGroup } from '../sizing/cpu-quota.ts';
import { childPids } from '../sizing/process-cpu.ts';
import type { ServerSize } from '../sizing/server-size.ts';

/** what confineCluster did: the group to remove once the server has stopped (a no-op when unsized) */
export interface ClusterConfinement {
  /** processes moved into the group (the postmaster alone for the limiter, which follows its tree) */
  pids: number[];
  /** call before stopping the server: a limited server is let go (continued), so it can stop */
  beforeStop(): Promise<void>;
  /** call once the server has stopped: its cgroup is removed */
  release(): Promise<void>;
}

export async function confineCluster(
  name: string,
  postmasterPid: number,
  size: ServerSize | undefined,
): Promise<ClusterConfinement> {
  const none = async () => {};
  if (size?.size == null) return { pids: [], beforeStop: none, release: none };
  if (size.model === 'cpu-affinity') {
    const cores = affinityFor(size.size);
    if (cores === null) throw new Error(`cannot pin ${name} to ${size.size} cores here`);
    // backends forked later inherit the postmaster's affinity
    const pids = [postmasterPid, ...childPids(postmasterPid)];
    await pinProcesses(pids, cores);
    return { pids, beforeStop: none, release: none };
  }
  if (size.model === 'cpu-limiter') {
    const limiter = startCpuLimiter(postmasterPid, size.size);
    await limiter.ready;
    return { pids: [postmasterPid], beforeStop: () => limiter.stop(), release: none };
  }
  if (size.model !== 'cpu-quota' || size.mechanism === undefined)
    return { pids: [], beforeStop: none, release: none };
  const group = await createCpuQuotaGroup(name, size.size, size.mechanism);
  const pids = [postmasterPid, ...childPids(postmasterPid)];
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
  return { pids, beforeStop: none, release: () => group.remove() };
}
