/** Test fixture: N healthz-only app clones (FEATURES=) as a Fleet, and a counter of x-served-by. */
import { request } from 'undici';
import type { Backend } from '../../../targets/balancer/balancer.ts';
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
