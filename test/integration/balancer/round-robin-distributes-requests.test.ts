import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BalancerKind, RunningBalancer } from '../../../targets/balancer/balancer.ts';
import { chooseBalancer, startBalancer } from '../../../targets/balancer/choose.ts';
import type { Fleet } from '../../../targets/process/fleet.ts';
import { servedBy, startBareClones } from './clone-fleet.ts';

// each test has clones of its own (started side by side), so no balancer sees what another left behind
describe.concurrent('each balancer distributes requests round-robin across clones', () => {
  it.for<BalancerKind>(['haproxy', 'nginx', 'builtin'])('%s', async (kind, { onTestFinished }) => {
    const logDir = mkdtempSync(join(tmpdir(), 'sb-balancer-test-'));
    let fleet: Fleet | undefined;
    let balancer: RunningBalancer | undefined;
    onTestFinished(async () => {
      await balancer?.stop();
      await fleet?.stop();
      rmSync(logDir, { recursive: true, force: true });
    });
    const clones = await startBareClones(3, logDir);
    fleet = clones.fleet;
    balancer = await startBalancer(await chooseBalancer(kind), {
      backends: clones.backends,
      affinity: 'none',
      logDir,
    });
    expect(balancer.kind).toBe(kind);
    const { served, statuses } = await servedBy(balancer.url, 30);
    expect(statuses).toEqual({ 200: 30 });
    expect(Object.keys(served).sort()).toEqual(['clone-0', 'clone-1', 'clone-2']);
    // per request, not per connection: one keep-alive client still reaches every clone evenly
    for (const count of Object.values(served)) expect(count).toBeGreaterThanOrEqual(8);
  });
});
