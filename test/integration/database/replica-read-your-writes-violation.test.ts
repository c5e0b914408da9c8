import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseTarget, startDatabaseTarget } from '../../../targets/database/database-target.ts';
import { judgeReadBack } from '../../../targets/database/read-your-writes.ts';
import { leftovers } from './leftovers.ts';
import { getJson, postJson } from './orders-db.ts';

describe('database target, db=replica', () => {
  let target: DatabaseTarget;
  let logDir: string;

  beforeAll(async () => {
    logDir = mkdtempSync(join(tmpdir(), 'sb-database-test-'));
    target = await startDatabaseTarget({
      variant: { db: 'replica' },
      logDir,
      env: { ORDERS_SEED: 'customers=20,skus=10,orders=50,maxLines=3,seed=5' },
    });
  });

  afterAll(async () => {
    await target?.stop();
    rmSync(logDir, { recursive: true, force: true });
  });

  const writeThenRead = async () => {
    const write = await postJson(`${target.url}/orders`, {
      customerId: 3,
      items: [{ productId: 2, qty: 1 }],
    });
    expect(write.status).toBe(201);
    const written = write.body as { id: number; version: number };
    const read = await getJson(`${target.url}/orders/${written.id}`);
    expect(read.headers.get('x-read-from')).toBe('replica');
    return { written, outcome: judgeReadBack(written, read.status, read.body) };
  };

  it('reports a read that the replica has not replayed yet as a violation, and sees it once replayed', async () => {
    const replica = target.replica!;
    await replica.pauseReplay();
    const { written, outcome } = await writeThenRead();
    expect(outcome).toEqual({ kind: 'violation', reason: 'missing', seenVersion: null });
    expect((await target.sampleLag())!.lagBytes).toBeGreaterThan(0);

    await replica.resumeReplay();
    await replica.waitForCatchUp();
    const again = await getJson(`${target.url}/orders/${written.id}`);
    expect(judgeReadBack(written, again.status, again.body)).toEqual({ kind: 'ok', seenVersion: 1 });
  });

  it('reports replica lag (a number ≥ 0) in its counters', async () => {
    const counters = await target.counters();
    expect(counters.replicaLagMs).toBeGreaterThanOrEqual(0);
    expect(counters.replicaLagBytes).toBeGreaterThanOrEqual(0);
    expect(counters.ordersCreatedTotal).toBe(1);
    expect(target.instances().map((i) => `${i.kind}:${i.alive}`)).toEqual([
      'clone:true',
      'replica:true',
      'replica:true',
    ]);
  });

  it('stops the app, the replica, the primary and removes their data folder', async () => {
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
