import { describe, expect, it } from 'vitest';
import type { BalancerKind } from '../../../targets/balancer/balancer.ts';
import { requireTool } from '../../helpers/requires-tool.ts';
import { servedBy, startBalancedClones } from './clone-fleet.ts';

// each test has clones of its own (started side by side), so no balancer sees what another left behind
describe.concurrent('each balancer distributes requests round-robin across clones', () => {
  it.for<BalancerKind>(['haproxy', 'nginx', 'builtin'])('%s', async (kind, context) => {
    if (kind !== 'builtin') await requireTool(context, kind);
    const { balancer } = await startBalancedClones(kind, 3, context);
    expect(balancer.kind).toBe(kind);
    const { served, statuses } = await servedBy(balancer.url, 30);
    expect(statuses).toEqual({ 200: 30 });
    expect(Object.keys(served).sort()).toEqual(['clone-0', 'clone-1', 'clone-2']);
    // per request, not per connection: one keep-alive client still reaches every clone evenly
    for (const count of Object.values(served)) expect(count).toBeGreaterThanOrEqual(8);
  });
});
