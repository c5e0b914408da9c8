/**
 * Reads the process table from /proc (Linux): whether a process runs (zombies count as gone), the
 * descendants of a process, which processes mention a text. Used by the tests that stop or kill
 * scalebench and check that nothing it started outlives it.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

interface ProcInfo {
  pid: number;
  ppid: number;
  args: string;
}

function readProc(pid: number): ProcInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name in parentheses may hold spaces: the fields after the last ')' are fixed
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z') return undefined; // a zombie has exited; only its parent has not reaped it yet
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
    return { pid, ppid: Number(fields[1]), args };
  } catch {
    return undefined;
  }
}

function allProcesses(): ProcInfo[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProc(Number(name)))
    .filter((info): info is ProcInfo => info !== undefined);
}

/** Every live process below `root`, at any depth. */
export function descendants(root: number): ProcInfo[] {
  const children = new Map<number, ProcInfo[]>();
  for (const info of allProcesses()) {
    const list = children.get(info.ppid) ?? [];
    list.push(info);
    children.set(info.ppid, list);
  }
  const found: ProcInfo[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

export function isAlive(pid: number): boolean {
  return readProc(pid) !== undefined;
}

/** The pids of `pids` that still run (zombies count as gone). */
export function stillRunning(pids: number[]): number[] {
  return pids.filter(isAlive);
}

/** pids whose command line contains `text` (pgrep -f), excluding zombies and this process */
export function pidsMatching(text: string): number[] {
  try {
    const out = execFileSync('pgrep', ['-f', text], { encoding: 'utf8' });
    return out
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map(Number)
      .filter((pid) => pid !== process.pid && isAlive(pid));
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

/** Polls until none of `pids` runs or `timeoutMs` passes; answers those still running then. */
export async function waitUntilGone(pids: number[], timeoutMs: number): Promise<ProcInfo[]> {
  const deadline = Date.now() + timeoutMs;
  while (stillRunning(pids).length > 0 && Date.now() < deadline) await sleep(100);
  return stillRunning(pids).map((pid) => readProc(pid) ?? { pid, ppid: 0, args: '' });
}

/** Polls until `predicate` holds for the descendants of `root`; answers them. */
export async function waitForDescendants(
  root: number,
  predicate: (found: ProcInfo[]) => boolean,
  timeoutMs: number,
): Promise<ProcInfo[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = descendants(root);
    if (predicate(found)) return found;
    if (Date.now() >= deadline) throw new Error(`timed out; below ${root}: ${JSON.stringify(found)}`);
    await sleep(100);
  }
}
