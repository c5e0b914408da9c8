/**
 * CPU measured per server: the CPU time each process of a running target (a clone, a worker, a
 * PostgreSQL server's whole process tree, the balancer) used over a stretch of wall time, as the operating
 * system counts it — so a report can show that each server stayed within its declared size, or flag the
 * one that did not.
 */

import type { ServerRecord } from '../../results/schema.ts';
import { processCpuMs } from '../../targets/sizing/process-cpu.ts';
import { capsCpu, describeServerSize } from '../../targets/sizing/server-size.ts';
import type { InstanceInfo } from '../../targets/target.ts';

/** a server may use this much more than its size before it is flagged (readings are 10 ms ticks) */
export const OVER_SIZE_TOLERANCE = 0.1;

export interface CpuSnapshot {
  wallMs: number;
  /** CPU ms per server name, for the servers that were running */
  cpuMs: Map<string, number>;
}

export async function snapshotServers(instances: readonly InstanceInfo[]): Promise<CpuSnapshot> {
  const wallMs = performance.now();
  const cpuMs = new Map<string, number>();
  await Promise.all(
    instances
      .filter((instance) => instance.alive && instance.pid !== null)
      .map(async (instance) => {
        const used = await processCpuMs(instance.pid as number, { tree: instance.tree === true });
        if (used !== null) cpuMs.set(instance.id, used);
      }),
  );
  return { wallMs, cpuMs };
}

/** CPUs each server used between two snapshots (a server that restarted or died in between is left out) */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): Record<string, number> {
  const wall = after.wallMs - before.wallMs;
  const out: Record<string, number> = {};
  if (wall <= 0) return out;
  for (const [name, end] of after.cpuMs) {
    const start = before.cpuMs.get(name);
    if (start === undefined || end < start) continue;
    out[name] = Math.round(((end - start) / wall) * 1000) / 1000;
  }
  return out;
}

/** the record of each server: its size, and the CPU it used at the knee when measured */
export function serverRecords(
  instances: readonly InstanceInfo[],
  atKnee: Record<string, number> | undefined,
): ServerRecord[] {
  return instances
    .filter((instance) => instance.pid !== null)
    .map((instance) => {
      const server = instance.server;
      const cpu = atKnee?.[instance.id] ?? null;
      const size = server?.size ?? null;
      const overSize =
        cpu !== null && size !== null && capsCpu(server) && cpu > size * (1 + OVER_SIZE_TOLERANCE);
      return {
        name: instance.id,
        model: server?.model ?? 'unlimited',
        size,
        label: server?.label ?? describeServerSize({ model: 'unlimited', size: null }),
        cpuAtKnee: cpu,
        overSize,
      };
    });
}
