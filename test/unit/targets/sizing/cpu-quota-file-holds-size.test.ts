import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createCpuQuotaGroup,
  detectCpuQuota,
  QUOTA_PERIOD_US,
} from '../../../../targets/sizing/cpu-quota.ts';

describe('a CPU quota group holds the declared size', () => {
  let root: string | undefined;
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  async function fakeV1(): Promise<{ v1: string; v2: string }> {
    root = await mkdtemp(join(tmpdir(), 'sb-cgroup-'));
    await mkdir(join(root, 'cpu'));
    await writeFile(join(root, 'cpu', 'cpu.cfs_quota_us'), '-1');
    return { v1: join(root, 'cpu'), v2: join(root, 'none') };
  }

  it('writes quota = cpus × period on cgroup v1 and the pid to cgroup.procs', async () => {
    const roots = await fakeV1();
    expect(await detectCpuQuota(roots)).toBe('cgroup-v1');
    const group = await createCpuQuotaGroup('clone-0', 0.25, 'cgroup-v1', roots);
    expect(await readFile(join(group.path, 'cpu.cfs_period_us'), 'utf8')).toBe(String(QUOTA_PERIOD_US));
    expect(await readFile(join(group.path, 'cpu.cfs_quota_us'), 'utf8')).toBe(String(QUOTA_PERIOD_US / 4));
    await group.add(4242);
    expect(await readFile(join(group.path, 'cgroup.procs'), 'utf8')).toBe('4242');
  });

  it('writes "quota period" to cpu.max on cgroup v2', async () => {
    root = await mkdtemp(join(tmpdir(), 'sb-cgroup-'));
    await writeFile(join(root, 'cgroup.subtree_control'), 'cpuset cpu io memory pids\n');
    const roots = { v1: join(root, 'absent'), v2: root };
    expect(await detectCpuQuota(roots)).toBe('cgroup-v2');
    const group = await createCpuQuotaGroup('worker-1', 0.5, 'cgroup-v2', roots);
    expect(await readFile(join(group.path, 'cpu.max'), 'utf8')).toBe(
      `${QUOTA_PERIOD_US / 2} ${QUOTA_PERIOD_US}`,
    );
  });

  it('finds no mechanism where neither controller is there', async () => {
    root = await mkdtemp(join(tmpdir(), 'sb-cgroup-'));
    expect(await detectCpuQuota({ v1: join(root, 'cpu'), v2: root })).toBeNull();
  });

  it('removes an empty group', async () => {
    const roots = await fakeV1();
    const group = await createCpuQuotaGroup('clone-1', 1, 'cgroup-v1', roots);
    await rm(join(group.path, 'cpu.cfs_quota_us'));
    await rm(join(group.path, 'cpu.cfs_period_us'));
    await group.remove();
    await expect(stat(group.path)).rejects.toThrow();
  });
});
