import { describe, expect, it } from 'vitest';
import type { BalancerKind } from '../../../targets/balancer/balancer.ts';
import { requireTool } from '../../helpers/requires-tool.ts';
import { servedBy, startBalancedClones } from './clone-fleet.ts';

describe('a SIGKILLed clone is taken out and comes back after restart', () => {
  it.for<BalancerKind>(['haproxy', 'nginx', 'builtin'])('%s', async (kind, context) => {
    if (kind !== 'builtin') await requireTool(context, kind);
    const { fleet, backends, balancer } = await startBalancedClones(kind, 2, context);
    await fleet.kill('clone', 0);
    // immediately: requests that meet the dead clone are retried on the live one, none fail
    const afterKill = await servedBy(balancer.url, 20);
    expect(afterKill.statuses).toEqual({ 200: 20 });
    expect(afterKill.served).toEqual({ 'clone-1': 20 });

    await fleet.restart('clone', 0);
    expect(fleet.get('clone', 0).port).toBe(backends[0]!.port);
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
