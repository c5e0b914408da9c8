/**
 * The host facts that skew benchmarks: CPU model and core count, and other processes busy on the CPU,
 * sampled from /proc over a short window (Linux; elsewhere the sample is skipped).
 */
import { readdir, readFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

export interface CpuInfo {
  model: string;
  cores: number;
}

export interface BusyProcess {
  pid: number;
  command: string;
  /** share of one core over the window, in percent */
  cpuPercent: number;
}

export function cpuInfo(): CpuInfo {
  const list = cpus();
  return { model: list[0]?.model.trim() || 'unknown', cores: list.length };
}

const clockTicksPerSecond = 100;

/** CPU ticks (user + system) and command name of every process, keyed by pid */
async function snapshot(): Promise<Map<number, { ticks: number; command: string }>> {
  const out = new Map<number, { ticks: number; command: string }>();
  const entries = await readdir('/proc');
  await Promise.all(
    entries
      .filter((entry) => /^\d+$/.test(entry))
      .map(async (entry) => {
        const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => undefined);
        if (!stat) return;
        const close = stat.lastIndexOf(')');
        const command = stat.slice(stat.indexOf('(') + 1, close);
        const fields = stat.slice(close + 2).split(' ');
        // fields[0] is state (field 3); utime and stime are fields 14 and 15
        const ticks = Number(fields[11]) + Number(fields[12]);
        if (Number.isFinite(ticks)) out.set(Number(entry), { ticks, command });
      }),
  );
  return out;
}

/**
 * Processes other than `excludePids` that used at least `thresholdPercent` of a core during `windowMs`.
 * Returns undefined where /proc is not available.
 */
export async function busyProcesses(
  windowMs = 500,
  thresholdPercent = 10,
  excludePids: number[] = [process.pid],
): Promise<BusyProcess[] | undefined> {
  const before = await snapshot().catch(() => undefined);
  if (!before) return undefined;
  const started = performance.now();
  await sleep(windowMs);
  const after = await snapshot();
  const elapsedSeconds = (performance.now() - started) / 1000;
  const busy: BusyProcess[] = [];
  for (const [pid, now] of after) {
    const then = before.get(pid);
    if (!then || excludePids.includes(pid)) continue;
    const cpuPercent = ((now.ticks - then.ticks) / clockTicksPerSecond / elapsedSeconds) * 100;
    if (cpuPercent >= thresholdPercent) busy.push({ pid, command: now.command, cpuPercent });
  }
  return busy.sort((a, b) => b.cpuPercent - a.cpuPercent);
}
