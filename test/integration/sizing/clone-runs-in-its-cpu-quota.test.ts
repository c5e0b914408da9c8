import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppProcess, spawnApp } from '../../../targets/process/app-process.ts';
import { resolveServerSize } from '../../../targets/sizing/confine.ts';
import { DEFAULT_CGROUP_ROOTS, QUOTA_PERIOD_US } from '../../../targets/sizing/cpu-quota.ts';

const size = await resolveServerSize({ kind: 'cpus', cpus: 0.5 });

describe.skipIf(size.model !== 'cpu-quota' || size.mechanism !== 'cgroup-v1')(
  'a clone of a declared size',
  () => {
    let app: AppProcess | undefined;
    let logDir: string | undefined;
    afterEach(async () => {
      await app?.stop();
      if (logDir) await rm(logDir, { recursive: true, force: true });
    });

    it('runs in a cgroup of its own whose quota is its size, removed when it exits', async () => {
      logDir = await mkdtemp(join(tmpdir(), 'sb-sized-'));
      app = await spawnApp({ id: 'clone-0', logDir, env: { FEATURES: '' }, server: size });
      const groupOf = async () =>
        (await readdir(DEFAULT_CGROUP_ROOTS.v1)).find((entry) =>
          entry.startsWith(`scalebench-${process.pid}-clone-0-`),
        );
      const group = await groupOf();
      expect(group).toBeDefined();
      const path = join(DEFAULT_CGROUP_ROOTS.v1, group!);
      expect(await readFile(join(path, 'cpu.cfs_quota_us'), 'utf8')).toBe(`${QUOTA_PERIOD_US / 2}\n`);
      expect((await readFile(join(path, 'cgroup.procs'), 'utf8')).split('\n')).toContain(String(app.pid));
      // stop resolves once the group is gone too
      await app.stop();
      expect(await groupOf()).toBeUndefined();
    });
  },
);
