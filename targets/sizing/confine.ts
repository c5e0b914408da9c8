/**
 * Puts one started server process to its declared size: for the cpu-quota model, a cgroup of its own
 * with the quota, removed once the process exits. Other models need nothing here (the worker pool is
 * the process's own SERVER_WORKERS setting, see serverSizeEnv). Processes are confined once they are
 * ready, so their start-up (loading code) is not slowed down by the quota.
 */
import { type CgroupRoots, createCpuQuotaGroup, DEFAULT_CGROUP_ROOTS, detectCpuQuota } from './cpu-quota.ts';
import {
  chooseServerSize,
  DEFAULT_SERVER_CPUS,
  type ServerSize,
  type ServerSizeRequest,
} from './server-size.ts';

export interface ConfinableProcess {
  /** names the cgroup, e.g. 'clone-0' */
  name: string;
  pid: number;
  /** resolves when the process has exited */
  exited: Promise<void>;
}

/**
 * Confines a started process; the promise it returns resolves to `released`, which resolves once the
 * process has exited and its group is gone (await it after stopping the process, so a CLI that exits
 * right after leaves no group behind).
 */
export async function confineProcess(
  server: ConfinableProcess,
  size: ServerSize | undefined,
  roots: CgroupRoots = DEFAULT_CGROUP_ROOTS,
): Promise<{ released: Promise<void> }> {
  if (size?.model !== 'cpu-quota' || size.size === null || size.mechanism === undefined) {
    return { released: Promise.resolve() };
  }
  const group = await createCpuQuotaGroup(server.name, size.size, size.mechanism, roots);
  try {
    await group.add(server.pid);
  } catch (error: unknown) {
    await group.remove().catch(() => undefined);
    throw error;
  }
  return { released: server.exited.then(() => group.remove().catch(() => undefined)) };
}

let detected: Promise<Awaited<ReturnType<typeof detectCpuQuota>>> | undefined;

/**
 * The size servers will run at on this host for a request (default: DEFAULT_SERVER_CPUS CPUs each):
 * a cgroup quota where this user may set one, else the portable governor/limiter.
 * SCALEBENCH_CPU_CAP=portable picks the portable models even where cgroups are writable (to compare them).
 */
export async function resolveServerSize(
  request: ServerSizeRequest = { kind: 'cpus', cpus: DEFAULT_SERVER_CPUS },
  env: Record<string, string | undefined> = process.env,
): Promise<ServerSize> {
  if (request.kind !== 'cpus' || env.SCALEBENCH_CPU_CAP === 'portable')
    return chooseServerSize(request, null);
  detected ??= detectCpuQuota();
  return chooseServerSize(request, await detected);
}
