import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LagMonitor, type LagPeak, startLagMonitor } from '../../../targets/database/lag-monitor.ts';
import { createReplicaLagProbe, type ReplicaLagProbe } from '../../../targets/database/lag-probe.ts';
import { type ReplicaPair, startReplicaPair } from '../../../targets/database/replica-pair.ts';
import { leftovers } from './leftovers.ts';
import { withClient } from './orders-db.ts';

describe('a streaming replica made with pg_basebackup', () => {
  let pair: ReplicaPair;
  let probe: ReplicaLagProbe;

  beforeAll(async () => {
    pair = await startReplicaPair({
      beforeBackup: (url) => withClient(url, (c) => c.query('CREATE TABLE marks (n int)')).then(() => {}),
    });
    probe = createReplicaLagProbe(pair.primary.url, pair.replica.url);
  });

  afterAll(async () => {
    await probe?.close();
    await pair?.stop();
  });

  it('comes up in recovery on its own port and replicates a write from the primary', async () => {
    expect(pair.replica.port).not.toBe(pair.primary.port);
    const inRecovery = await withClient(pair.replica.url, (c) => c.query('SELECT pg_is_in_recovery() AS r'));
    expect(inRecovery.rows[0].r).toBe(true);
    await withClient(pair.primary.url, (c) => c.query('INSERT INTO marks VALUES (42)'));
    await pair.waitForCatchUp();
    const seen = await withClient(pair.replica.url, (c) => c.query('SELECT n FROM marks'));
    expect(seen.rows).toEqual([{ n: 42 }]);
  });

  it('measures lag from the replay position: 0 when caught up, bytes and the age of the last replay while paused', async () => {
    // a replayed commit of this test's own, so the age of the last replayed one does not depend on other tests
    await withClient(pair.primary.url, (c) => c.query('INSERT INTO marks VALUES (1)'));
    await pair.waitForCatchUp();
    const caughtUp = await probe.sample();
    expect(caughtUp.lagBytes).toBe(0);
    expect(caughtUp.lagMs).toBe(0);

    await pair.pauseReplay();
    await withClient(pair.primary.url, (c) => c.query('INSERT INTO marks SELECT generate_series(1, 1000)'));
    const behind = await probe.sample();
    expect(behind.replayPaused).toBe(true);
    expect(behind.lagBytes).toBeGreaterThan(0);
    expect(behind.lagMs).toBeGreaterThan(0);
    expect(behind.lagMs).toBe(behind.replayAgeMs);

    await pair.resumeReplay();
    await pair.waitForCatchUp();
    expect((await probe.sample()).lagBytes).toBe(0);
  });

  it('keeps the peak of 20 ms samples: > 0 ms and bytes while replay is paused, reset by each read', async () => {
    const monitor: LagMonitor = startLagMonitor(probe.read, { intervalMs: 20 });
    /** the next peak made of at least two fresh samples (one may have started before the call) */
    const nextPeak = async (): Promise<LagPeak | undefined> => {
      monitor.takePeak();
      for (let round = 0; round < 100; round += 1) {
        await new Promise((resolve) => setTimeout(resolve, 60));
        const peak = monitor.takePeak();
        if (peak && peak.samples >= 2) return peak;
      }
      return undefined;
    };
    try {
      await pair.waitForCatchUp();
      await pair.pauseReplay();
      await withClient(pair.primary.url, (c) => c.query('INSERT INTO marks VALUES (7)'));
      const paused = await nextPeak();
      expect(paused?.lagMs).toBeGreaterThan(0);
      expect(paused?.lagBytes).toBeGreaterThan(0);

      await pair.resumeReplay();
      await pair.waitForCatchUp();
      const after = await nextPeak();
      expect(after?.lagBytes).toBe(0);
    } finally {
      await monitor.stop();
      await pair.resumeReplay();
    }
  });

  it('leaves no postgres process and no data folder after stop', async () => {
    await probe.close();
    await pair.stop();
    expect(await leftovers(pair.dir)).toEqual({ processes: [], dirExists: false });
  });
});
