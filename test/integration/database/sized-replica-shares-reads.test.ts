import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseTarget, startDatabaseTarget } from '../../../targets/database/database-target.ts';
import { resolveServerSize } from '../../../targets/sizing/confine.ts';
import { DEFAULT_CGROUP_ROOTS, QUOTA_PERIOD_US } from '../../../targets/sizing/cpu-quota.ts';
import { childPids } from '../../../targets/sizing/process-cpu.ts';
import { getJson, postJson } from './orders-db.ts';

const size = await resolveServerSize({ kind: 'cpus', cpus: 0.5 });

/** the v1 cpu cgroup a process is in, as a path under the cpu controller's mount */
async function cpuGroupOf(pid: number): Promise<string> {
  const lines = (await readFile(`/proc/${pid}/cgroup`, 'utf8')).split('\n');
  const line = lines.find((l) => /^\d+:[^:]*\bcpu\b[^:]*:/.test(l));
  return join(DEFAULT_CGROUP_ROOTS.v1, line!.split(':')[2]!);
}

describe.skipIf(size.model !== 'cpu-quota' || size.mechanism !== 'cgroup-v1')(
  'database target, db=replica reads=spread, servers of 0.5 CPU',
  () => {
    let target: DatabaseTarget;
    let logDir: string;

    beforeAll(async () => {
      logDir = mkdtempSync(join(tmpdir(), 'sb-database-test-'));
      target = await startDatabaseTarget({
        variant: { db: 'replica', reads: 'spread' },
        logDir,
        server: size,
        env: { ORDERS_SEED: 'customers=20,skus=10,orders=50,maxLines=3,seed=5' },
      });
    });

    afterAll(async () => {
      await target?.stop();
      rmSync(logDir, { recursive: true, force: true });
    });

    it('runs each PostgreSQL server, its forked processes included, in a quota of its size', async () => {
      const servers = target.instances().filter((instance) => instance.id.startsWith('postgres-'));
      expect(servers.map((server) => server.id)).toEqual(['postgres-primary', 'postgres-replica']);
      const groups = new Set<string>();
      for (const server of servers) {
        const group = await cpuGroupOf(server.pid!);
        groups.add(group);
        expect(group).toContain(`scalebench-${process.pid}-postgres-`);
        expect(await readFile(join(group, 'cpu.cfs_quota_us'), 'utf8')).toBe(`${QUOTA_PERIOD_US / 2}\n`);
        for (const child of childPids(server.pid!)) expect(await cpuGroupOf(child)).toBe(group);
      }
      expect(groups.size).toBe(2);
    });

    it('alternates reads between the replica, which lags, and the primary, which does not', async () => {
      await target.replica!.pauseReplay();
      const write = await postJson(`${target.url}/orders`, {
        customerId: 3,
        items: [{ productId: 2, qty: 1 }],
      });
      expect(write.status).toBe(201);
      const { id } = write.body as { id: number };
      const reads = [];
      for (let i = 0; i < 2; i += 1) reads.push(await getJson(`${target.url}/customers/3`));
      const seen = Object.fromEntries(
        reads.map((read) => [
          read.headers.get('x-read-from'),
          (read.body as { lastOrderId: number }).lastOrderId,
        ]),
      );
      expect(seen.primary).toBe(id);
      expect(seen.replica).toBeLessThan(id);
      await target.replica!.resumeReplay();
      await target.replica!.waitForCatchUp();
    });

    it("removes the servers' cgroups once it has stopped them", async () => {
      await target.stop();
      const left = (await readdir(DEFAULT_CGROUP_ROOTS.v1)).filter((entry) =>
        entry.startsWith(`scalebench-${process.pid}-postgres-`),
      );
      expect(left).toEqual([]);
    });
  },
);
