/**
 * The host-headroom guard's sampler: cumulative CPU ticks of the whole host (/proc/stat, Linux) and
 * CPU time of this process (the load generator, all its threads). Two samples bracket a step; the
 * difference says how idle the host was and how much of it the generator used. The sampler is
 * injected where it is used, so tests script it.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

export interface CpuSample {
  /** monotonic ms */
  atMs: number;
  /** host CPU ticks since boot, all cores: available (idle + iowait + nice) and total; null where unknown */
  hostIdleTicks: number | null;
  hostTotalTicks: number | null;
  /** CPU ms this process has used (user + system) */
  generatorCpuMs: number;
}

export type CpuSampler = () => CpuSample;

/** what the host did between two samples */
export interface HostLoad {
  /** share of the host's CPU left idle, 0..1; null where /proc/stat is not readable */
  hostIdle: number | null;
  /** cores' worth of CPU the generator used */
  generatorCores: number;
}

/**
 * Parses the aggregate `cpu` line of /proc/stat (user nice system idle iowait irq softirq steal ...).
 * CPU spent on niced (low-priority) processes counts as available: such work yields the CPU to the
 * benchmark's processes, which run at normal priority, so it leaves them the same headroom as idle.
 */
export function parseProcStat(text: string): { idle: number; total: number } | null {
  const line = text.split('\n').find((entry) => entry.startsWith('cpu '));
  if (!line) return null;
  const fields = line.trim().split(/\s+/).slice(1, 9).map(Number);
  if (fields.length < 5 || fields.some((value) => !Number.isFinite(value))) return null;
  const total = fields.reduce((sum, value) => sum + value, 0);
  return { idle: fields[1]! + fields[3]! + fields[4]!, total };
}

export const systemCpuSampler: CpuSampler = () => {
  let host: { idle: number; total: number } | null = null;
  try {
    host = parseProcStat(readFileSync('/proc/stat', 'utf8'));
  } catch {
    // not Linux: the host figure is unknown, the generator's still counts
  }
  const usage = process.cpuUsage();
  return {
    atMs: performance.now(),
    hostIdleTicks: host?.idle ?? null,
    hostTotalTicks: host?.total ?? null,
    generatorCpuMs: (usage.user + usage.system) / 1000,
  };
};

export function hostLoadBetween(before: CpuSample, after: CpuSample): HostLoad {
  const elapsedMs = Math.max(1, after.atMs - before.atMs);
  const generatorCores = (after.generatorCpuMs - before.generatorCpuMs) / elapsedMs;
  const known =
    before.hostIdleTicks !== null &&
    after.hostIdleTicks !== null &&
    before.hostTotalTicks !== null &&
    after.hostTotalTicks !== null;
  const total = known ? after.hostTotalTicks! - before.hostTotalTicks! : 0;
  const hostIdle = known && total > 0 ? (after.hostIdleTicks! - before.hostIdleTicks!) / total : null;
  return { hostIdle, generatorCores };
}

/** the host's core count, for messages */
export const hostCores = (): number => cpus().length;
