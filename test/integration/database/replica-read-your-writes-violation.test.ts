import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { type DatabaseTarget, startDatabaseTarget } from '../../../targets/database/database-target.ts';
import { judgeReadBack } from '../../../targets/database/read-your-writes.ts';
import { leftovers } from './leftovers.ts';
import { getJson, postJson } from './orders-db.ts';

/** A db=replica target of this test's own, stopped (and its log folder removed) when the test ends. */
async function replicaTarget({ onTestFinished }: TestContext): Promise<DatabaseTarget> {
  const logDir = mkdtempSync(join(tmpdir(), 'sb-database-test-'));
  let target: DatabaseTarget | undefined;
  onTestFinished(async () => {
    await target?.stop();
    rmSync(logDir, { recursive: true, force: true });
  });
  target = await startDatabaseTarget({
    variant: { db: 'replica' },
    logDir,
    env: { ORDERS_SEED: 'customers=20,skus=10,orders=50,maxLines=3,seed=5' },
  });
  return target;
}

/** the peak lag counters once the 50 ms lag monitor has seen the replica behind */
async function countersWhileBehind(target: DatabaseTarget) {
  for (let round = 0; round < 100; round += 1) {
    const counters = await target.counters();
    if ((counters.replicaLagBytes ?? 0) > 0) return counters;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the lag monitor never saw the paused replica behind');
}

// each test starts its own primary and replica; they start side by side to keep the file's time
describe.concurrent('database target, db=replica', () => {
  it('reports a read the replica has not replayed yet as a violation, counts the lag, and sees it once replayed', async (context) => {
    const target = await replicaTarget(context);
    const replica = target.replica!;
    await replica.pauseReplay();
    const write = await postJson(`${target.url}/orders`, {
      customerId: 3,
      items: [{ productId: 2, qty: 1 }],
    });
    expect(write.status).toBe(201);
    const written = write.body as { id: number; version: number };
    const read = await getJson(`${target.url}/orders/${written.id}`);
    expect(read.headers.get('x-read-from')).toBe('replica');
    expect(judgeReadBack(written, read.status, read.body)).toEqual({
      kind: 'violation',
      reason: 'missing',
      seenVersion: null,
    });
    expect((await target.sampleLag())!.lagBytes).toBeGreaterThan(0);
    const counters = await countersWhileBehind(target);
    expect(counters.replicaLagMs).toBeGreaterThan(0);
    expect(counters.ordersCreatedTotal).toBe(1);

    await replica.resumeReplay();
    await replica.waitForCatchUp();
    const again = await getJson(`${target.url}/orders/${written.id}`);
    expect(judgeReadBack(written, again.status, again.body)).toEqual({ kind: 'ok', seenVersion: 1 });
  });

  it('stops the app, the replica, the primary and removes their data folder', async (context) => {
    const target = await replicaTarget(context);
    expect(target.instances().map((i) => `${i.kind}:${i.alive}`)).toEqual([
      'clone:true',
      'replica:true',
      'replica:true',
    ]);
    const dir = target.replica!.dir;
    const pids = target.instances().map((i) => i.pid);
    await target.stop();
    expect(await leftovers(dir)).toEqual({ processes: [], dirExists: false });
    const alive = pids.filter((pid) => {
      try {
        process.kill(pid!, 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
  });
});
