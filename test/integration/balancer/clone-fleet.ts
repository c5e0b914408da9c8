/**
 * Test fixture: N healthz-only app clones (FEATURES=) as a Fleet, optionally behind a balancer of the
 * test's own, and a counter of x-served-by.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import type { TestContext } from 'vitest';
import type { Backend, BalancerKind, RunningBalancer } from '../../../targets/balancer/balancer.ts';
import { chooseBalancer, startBalancer } from '../../../targets/balancer/choose.ts';
import { spawnApp } from '../../../targets/process/app-process.ts';
import { Fleet } from '../../../targets/process/fleet.ts';

export async function startBareClones(
  count: number,
  logDir: string,
): Promise<{ fleet: Fleet; backends: Backend[] }> {
  const fleet = new Fleet();
  const clones = await fleet.launch('clone', count, (index, port) =>
    spawnApp({ id: `clone-${index}`, logDir, env: { FEATURES: '' }, ...(port ? { port } : {}) }),
  );
  return { fleet, backends: clones.map((clone) => ({ id: clone.id, port: clone.port! })) };
}

export interface BalancedClones {
  fleet: Fleet;
  backends: Backend[];
  balancer: RunningBalancer;
}

/** N clones behind a `kind` balancer, in a log folder of this test's own; all stopped and removed when it ends. */
export async function startBalancedClones(
  kind: BalancerKind,
  count: number,
  { onTestFinished }: TestContext,
): Promise<BalancedClones> {
  const logDir = mkdtempSync(join(tmpdir(), 'sb-balancer-test-'));
  let fleet: Fleet | undefined;
  let balancer: RunningBalancer | undefined;
  onTestFinished(async () => {
    await balancer?.stop();
    await fleet?.stop();
    rmSync(logDir, { recursive: true, force: true });
  });
  const clones = await startBareClones(count, logDir);
  fleet = clones.fleet;
  balancer = await startBalancer(await chooseBalancer(kind), {
    backends: clones.backends,
    affinity: 'none',
    logDir,
  });
  return { fleet, backends: clones.backends, balancer };
}

/** sends `count` GET /healthz one after another; returns status counts and x-served-by counts */
export async function servedBy(url: string, count: number) {
  const served: Record<string, number> = {};
  const statuses: Record<number, number> = {};
  for (let i = 0; i < count; i += 1) {
    const response = await request(new URL('/healthz', url));
    await response.body.dump();
    statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
    const by = String(response.headers['x-served-by']);
    served[by] = (served[by] ?? 0) + 1;
  }
  return { served, statuses };
}
