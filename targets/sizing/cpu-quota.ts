/**
 * CPU quotas through the Linux cgroup CPU controller, as `docker run --cpus` sets them: one cgroup per
 * server process, named scalebench-<our pid>-<server>, with cpu.cfs_quota_us / cpu.cfs_period_us on
 * cgroup v1 or cpu.max ("quota period") on cgroup v2. A process joins by writing its pid to
 * cgroup.procs; processes it forks later (a PostgreSQL backend) inherit the group. The group is removed
 * once its process has exited. Groups left by a scalebench that died are swept at detection time.
 */
import { access, mkdir, readdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export type QuotaMechanism = 'cgroup-v1' | 'cgroup-v2';

export interface CgroupRoots {
  /** the v1 cpu controller mount, default /sys/fs/cgroup/cpu */
  v1: string;
  /** the v2 unified mount, default /sys/fs/cgroup */
  v2: string;
}

export const DEFAULT_CGROUP_ROOTS: CgroupRoots = { v1: '/sys/fs/cgroup/cpu', v2: '/sys/fs/cgroup' };

/**
 * The enforcement period. Docker's 100 ms lets a server burn its whole slice in a burst and then stall
 * for most of the period; 20 ms keeps the stalls short while the long-run share is the same.
 */
export const QUOTA_PERIOD_US = 20_000;
/** the kernel refuses quotas under 1 ms */
const MIN_QUOTA_US = 1_000;
const GROUP_PREFIX = 'scalebench-';

export interface CpuQuotaGroup {
  path: string;
  mechanism: QuotaMechanism;
  /** moves a running process (all its threads) into the group */
  add(pid: number): Promise<void>;
  /** removes the group; it must be empty (its processes exited) */
  remove(): Promise<void>;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** which mechanism can set a CPU quota here, or null (not root, no cpu controller, not Linux) */
export async function detectCpuQuota(
  roots: CgroupRoots = DEFAULT_CGROUP_ROOTS,
): Promise<QuotaMechanism | null> {
  if (process.platform !== 'linux' && roots === DEFAULT_CGROUP_ROOTS) return null;
  for (const mechanism of ['cgroup-v1', 'cgroup-v2'] as const) {
    const root = mechanism === 'cgroup-v1' ? roots.v1 : roots.v2;
    if (!(await supports(mechanism, root))) continue;
    await sweepStaleGroups(root);
    const probe = join(root, `${GROUP_PREFIX}${process.pid}-probe`);
    try {
      await mkdir(probe);
      await rmdir(probe);
      return mechanism;
    } catch {
      // not writable here
    }
  }
  return null;
}

async function supports(mechanism: QuotaMechanism, root: string): Promise<boolean> {
  if (mechanism === 'cgroup-v1') return exists(join(root, 'cpu.cfs_quota_us'));
  const controllers = await readFile(join(root, 'cgroup.subtree_control'), 'utf8').catch(() => '');
  return controllers.split(/\s+/).includes('cpu');
}

/** the quota file's content for `cpus` CPUs */
export function quotaSettings(cpus: number): { quotaUs: number; periodUs: number } {
  return { quotaUs: Math.max(MIN_QUOTA_US, Math.round(cpus * QUOTA_PERIOD_US)), periodUs: QUOTA_PERIOD_US };
}

export async function createCpuQuotaGroup(
  name: string,
  cpus: number,
  mechanism: QuotaMechanism,
  roots: CgroupRoots = DEFAULT_CGROUP_ROOTS,
): Promise<CpuQuotaGroup> {
  const root = mechanism === 'cgroup-v1' ? roots.v1 : roots.v2;
  const safe = name.replace(/[^A-Za-z0-9_.-]/g, '_');
  const path = join(root, `${GROUP_PREFIX}${process.pid}-${safe}-${Date.now().toString(36)}`);
  await mkdir(path);
  const { quotaUs, periodUs } = quotaSettings(cpus);
  if (mechanism === 'cgroup-v1') {
    await writeFile(join(path, 'cpu.cfs_period_us'), String(periodUs));
    await writeFile(join(path, 'cpu.cfs_quota_us'), String(quotaUs));
  } else {
    await writeFile(join(path, 'cpu.max'), `${quotaUs} ${periodUs}`);
  }
  return {
    path,
    mechanism,
    add: (pid) => writeFile(join(path, 'cgroup.procs'), String(pid)),
    remove: () => removeGroup(path),
  };
}

/** rmdir, retried while the kernel still counts a just-exited process in the group */
async function removeGroup(path: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    try {
      await rmdir(path);
      return;
    } catch (error: unknown) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      if (code !== 'EBUSY') throw error;
      await sleep(50);
    }
  }
}

/** removes empty groups named for a scalebench process that no longer runs */
async function sweepStaleGroups(root: string): Promise<void> {
  const entries = await readdir(root).catch(() => [] as string[]);
  for (const entry of entries) {
    const owner = Number(/^scalebench-(\d+)-/.exec(entry)?.[1]);
    if (!Number.isInteger(owner) || owner === process.pid || alive(owner)) continue;
    await rmdir(join(root, entry)).catch(() => undefined);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error: unknown) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
