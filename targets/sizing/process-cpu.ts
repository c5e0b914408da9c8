/**
 * CPU time a server process has used, as the operating system counts it: on Linux from
 * `/proc/<pid>/stat` (user + system time of every thread, plus what its exited children used), summed over
 * the process and every process it forked (a PostgreSQL server is a postmaster and its backends); where
 * there is no /proc (macOS), from `ps`. Readings are in ms of CPU since each process started.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { TreeSample } from './tree-cpu-meter.ts';

/** Linux's USER_HZ: /proc counts CPU time in ticks of 10 ms on every architecture Node runs on */
const TICK_MS = 10;

/** the CPU fields of a /proc/<pid>/stat line: utime + stime (+ cutime + cstime with children) */
export function parseProcStat(line: string, withReapedChildren: boolean): number | null {
  // the command name (field 2) is in parentheses and may hold spaces: fields count from after it
  const close = line.lastIndexOf(')');
  if (close < 0) return null;
  const fields = line.slice(close + 2).split(' ');
  // fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17
  const take = (field: number) => Number(fields[field - 3]);
  const ticks = take(14) + take(15) + (withReapedChildren ? take(16) + take(17) : 0);
  return Number.isFinite(ticks) ? ticks * TICK_MS : null;
}

/** `ps -o time=` text ([[dd-]hh:]mm:ss[.cc]) as ms */
export function parsePsTime(text: string): number | null {
  const match = /^\s*(?:(\d+)-)?(?:(\d+):)?(\d+):(\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!match) return null;
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  return (((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
}

/**
 * A /proc file's text, or null once the process is gone. Read synchronously: /proc is answered from
 * memory, and the stop/continue limiter reads a whole tree every 10 ms in a thread of its own, where
 * the thread pool's round trips for each of a few hundred small files a second cost a third of a core.
 */
function readProc(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** the pids a process has forked and that still run (Linux /proc; empty elsewhere) */
export function childPids(pid: number): number[] {
  const text = readProc(`/proc/${pid}/task/${pid}/children`) ?? '';
  return text
    .split(/\s+/)
    .filter((word) => word !== '')
    .map(Number);
}

/** the process and all its descendants that still run */
export function processTree(pid: number): number[] {
  const tree = [pid];
  for (let index = 0; index < tree.length; index += 1) tree.push(...childPids(tree[index] as number));
  return tree;
}

const hasProc = process.platform === 'linux';

function procCpuMs(pid: number, withReapedChildren: boolean): number | null {
  const line = readProc(`/proc/${pid}/stat`);
  return line === null ? null : parseProcStat(line, withReapedChildren);
}

/**
 * Exact CPU ms of a running process from the scheduler's own count (ns, summed over its threads), or
 * null where the kernel keeps no schedstat. Unlike /proc/<pid>/stat it is not rounded to 10 ms ticks,
 * which the stop/continue limiter needs: it reads every 10 ms.
 */
export function schedCpuMs(pid: number): number | null {
  let threads: string[];
  try {
    threads = readdirSync(`/proc/${pid}/task`);
  } catch {
    return null;
  }
  let total = 0;
  for (const thread of threads) {
    const text = readProc(`/proc/${pid}/task/${thread}/schedstat`);
    const ns = Number(text?.split(' ')[0]);
    if (text === null || !Number.isFinite(ns)) return null;
    total += ns / 1e6;
  }
  return total;
}

const run = promisify(execFile);

async function psCpuMs(pid: number): Promise<number | null> {
  const { stdout } = await run('ps', ['-o', 'time=', '-p', String(pid)]).catch(() => ({ stdout: '' }));
  return parsePsTime(stdout);
}

/**
 * One reading of a tree for TreeCpuMeter (Linux): the root's own exact CPU and what it has reaped, then
 * each running descendant's own exact CPU; null once the root is gone or where there is no /proc.
 */
export function readTreeSample(pid: number): TreeSample | null {
  if (!hasProc) return null;
  const line = readProc(`/proc/${pid}/stat`);
  const withReaped = line === null ? null : parseProcStat(line, true);
  const withoutReaped = line === null ? null : parseProcStat(line, false);
  if (withReaped === null || withoutReaped === null) return null;
  const rootOwnMs = schedCpuMs(pid) ?? withoutReaped;
  const descendants = new Map<number, { ms: number; ticksMs: number }>();
  for (const member of processTree(pid).slice(1)) {
    const ticksMs = procCpuMs(member, false);
    if (ticksMs !== null) descendants.set(member, { ms: schedCpuMs(member) ?? ticksMs, ticksMs });
  }
  return { rootOwnMs, rootReapedMs: withReaped - withoutReaped, descendants };
}

/**
 * CPU ms used so far by a process, or by it and its descendants (`tree`); null once it is gone. A tree's
 * figure also counts the children it has reaped (a backend that served a connection and exited). `exact`
 * prefers the scheduler's ns count for running processes (Linux schedstat), else /proc/<pid>/stat ticks.
 */
export async function processCpuMs(
  pid: number,
  options: { tree?: boolean; exact?: boolean } = {},
): Promise<number | null> {
  if (!hasProc) return psCpuMs(pid);
  const own = (member: number, reaped: boolean) => {
    const ticks = procCpuMs(member, reaped);
    if (ticks === null || !options.exact) return ticks;
    const exact = schedCpuMs(member);
    if (exact === null) return ticks;
    // schedstat counts live threads only: add the reaped children's ticks back
    return reaped ? exact + (procCpuMs(member, true) ?? 0) - (procCpuMs(member, false) ?? 0) : exact;
  };
  const root = own(pid, options.tree === true);
  if (root === null || !options.tree) return root;
  let total = root;
  for (const child of processTree(pid).slice(1)) total += own(child, false) ?? 0;
  return total;
}
