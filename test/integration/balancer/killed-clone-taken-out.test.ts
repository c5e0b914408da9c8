import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { BalancerKind, RunningBalancer } from '../../../targets/balancer/balancer.ts';
import { chooseBalancer, startBalancer } from '../../../targets/balancer/choose.ts';
import type { Fleet } from '../../../targets/process/fleet.ts';
import { requireTool } from '../../helpers/requires-tool.ts';
import { servedBy, startBareClones } from './clone-fleet.ts';

describe('a SIGKILLed clone is taken out and comes back after restart', () => {
  const logDir = mkdtempSync(join(tmpdir(), 'sb-balancer-test-'));
  let fleet: Fleet | undefined;
  let balancer: RunningBalancer | undefined;

  afterEach(async () => {
    await balancer?.stop();
    await fleet?.stop();
  });
  afterAll(() => rmSync(logDir, { recursive: true, force: true }));

  it.for<BalancerKind>(['haproxy', 'nginx', 'builtin'])('%s', async (kind, ctx) => {
    if (kind !== 'builtin') await requireTool(ctx, kind);
    const started = await startBareClones(2, logDir);
    fleet = started.fleet;
    balancer = await startBalancer(await chooseBalancer(kind), {
      backends: started.backends,
      affinity: 'none',
      logDir,
    });
    await fleet.kill('clone', 0);
    // immediately: requests that meet the dead clone are retried on the live one, none fail
    const afterKill = await servedBy(balancer.url, 20);
    expect(afterKill.statuses).toEqual({ 200: 20 });
    expect(afterKill.served).toEqual({ 'clone-1': 20 });

    await fleet.restart('clone', 0);
    expect(fleet.get('clone', 0).port).toBe(started.backends[0]!.port);
    let back = false;
    for (let round = 0; round < 40 && !back; round += 1) {
      const { served, statuses } = await servedBy(balancer.url, 4);
      expect(statuses).toEqual({ 200: 4 });
      back = (served['clone-0'] ?? 0) > 0;
      if (!back) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(back).toBe(true);
  });
});
