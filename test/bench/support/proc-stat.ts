/**
 * CPU time and memory of processes from /proc. External generators (wrk, hey) run under
 * `sh -c '<cmd>; cat /proc/$$/stat'`: once the shell has waited for the generator, its cutime and
 * cstime hold exactly the generator's CPU time, read after it exited.
 */
import { readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux x86-64

export interface CpuTimes {
  userSeconds: number;
  systemSeconds: number;
}

/** Fields after the `(comm)` of a /proc/<pid>/stat line, 1-based as in proc(5). */
function statFields(line: string): string[] {
  const rest = line
    .slice(line.lastIndexOf(')') + 2)
    .trim()
    .split(/\s+/);
  return ['pid', 'comm', ...rest];
}

/** The waited-for children's CPU of a stat line (cutime/cstime). */
export function childrenCpu(statLine: string): CpuTimes {
  const fields = statFields(statLine);
  return {
    userSeconds: Number(fields[15]) / CLOCK_TICKS_PER_SECOND,
    systemSeconds: Number(fields[16]) / CLOCK_TICKS_PER_SECOND,
  };
}

/** Wraps a command so the shell prints its own stat line (children's CPU) after it. */
export function shellWithCpu(command: string, args: readonly string[]): string[] {
  const quoted = [command, ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
  return ['-c', `${quoted}; echo; echo "STAT $(cat /proc/$$/stat)"`];
}

/** Splits a shellWithCpu output into the command's own output and its CPU time. */
export function splitCpu(stdout: string): { output: string; cpu: CpuTimes } {
  const at = stdout.lastIndexOf('\nSTAT ');
  if (at < 0) throw new Error('no /proc stat line in the output');
  return { output: stdout.slice(0, at), cpu: childrenCpu(stdout.slice(at + 6).trim()) };
}

/** Resident set size in MiB, or null once the process is gone. */
export function rssMiB(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}
