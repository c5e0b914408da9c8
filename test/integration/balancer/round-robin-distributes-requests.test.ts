import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Backend, BalancerKind, RunningBalancer } from '../../../targets/balancer/balancer.ts';
import { chooseBalancer, startBalancer } from '../../../targets/balancer/choose.ts';
import type { Fleet } from '../../../targets/process/fleet.ts';
import { requireTool } from '../../helpers/requires-tool.ts';
import { servedBy, startBareClones } from './clone-fleet.ts';

describe('each balancer distributes requests round-robin across clones', () => {
  const logDir = mkdtempSync(join(tmpdir(), 'sb-balancer-test-'));
  let fleet: Fleet;
  let backends: Backend[];
  let balancer: RunningBalancer | undefined;

  beforeAll(async () => {
    ({ fleet, backends } = await startBareClones(3, logDir));
  });
  afterEach(async () => {
    await balancer?.stop();
    balancer = undefined;
  });
  afterAll(async () => {
    await fleet.stop();
    rmSync(logDir, { recursive: true, force: true });
  });

  it.for<BalancerKind>(['haproxy', 'nginx', 'builtin'])('%s', async (kind, ctx) => {
    if (kind !== 'builtin') await requireTool(ctx, kind);
    balancer = await startBalancer(await chooseBalancer(kind), { backends, affinity: 'none', logDir });
    expect(balancer.kind).toBe(kind);
    const { served, statuses } = await servedBy(balancer.url, 30);
    expect(statuses).toEqual({ 200: 30 });
    expect(Object.keys(served).sort()).toEqual(['clone-0', 'clone-1', 'clone-2']);
    // per request, not per connection: one keep-alive client still reaches every clone evenly
    for (const count of Object.values(served)) expect(count).toBeGreaterThanOrEqual(8);
  });
});
