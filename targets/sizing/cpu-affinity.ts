/**
 * A whole-core size for servers scalebench does not write (PostgreSQL), without privileges: the process
 * tree pinned to N cores with `taskset` (sched_setaffinity, which any user may call on processes of its
 * own; backends forked later inherit it). The kernel then never runs the server on more than N cores at
 * once, with no signals and no sampling. Measured as a normal user on this 2-core VM, caching's
 * PostgreSQL of 1 CPU ran 0.90–0.96 CPU at 12 pages/s with p99 347 ms, where the stop/continue limiter
 * let it reach 0.81–0.87 CPU with p99 0.9–2.0 s (its whole-tree holds stall pages that run three
 * queries at once), and the cgroup quota as root 0.90–0.93 CPU with p99 124–133 ms. Linux only (macOS
 * has no affinity call), and only for whole sizes smaller than the cores this process may use: a
 * fractional size keeps the limiter.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** by its path where util-linux puts it: a server may run as another user under a PATH it cannot read */
const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((path) => existsSync(path)) ?? 'taskset';

/** the cores a `taskset -c -p` line lists ("pid 42's current affinity list: 0,2-3"), or null */
export function parseAffinityList(text: string): number[] | null {
  const list = /affinity list:\s*([\d,\s-]+)$/.exec(text.trim())?.[1];
  if (!list) return null;
  const cores: number[] = [];
  for (const part of list.split(',')) {
    const [from, to = from] = part.trim().split('-').map(Number);
    if (from === undefined || to === undefined || !Number.isInteger(from) || !Number.isInteger(to))
      return null;
    for (let core = from; core <= to; core += 1) cores.push(core);
  }
  return cores;
}

/** the cores to pin a server of `cpus` to out of `allowed`: the last ones (the generator starts on the first) */
export function pinnedCores(cpus: number, allowed: number[]): number[] | null {
  if (!Number.isInteger(cpus) || cpus < 1 || cpus >= allowed.length) return null;
  return allowed.slice(allowed.length - cpus);
}

let allowedCores: number[] | null | undefined;

/** the cores this process may run on, or null where there is no `taskset` (not Linux, not installed) */
function ownCores(): number[] | null {
  if (allowedCores !== undefined) return allowedCores;
  allowedCores = null;
  if (process.platform !== 'linux') return allowedCores;
  try {
    const text = execFileSync(TASKSET, ['-c', '-p', String(process.pid)], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    allowedCores = parseAffinityList(text);
  } catch {
    // no taskset here
  }
  return allowedCores;
}

/** the cores a server of `cpus` would be pinned to here, or null when it cannot be (see above) */
export function affinityFor(cpus: number): number[] | null {
  const allowed = ownCores();
  return allowed === null ? null : pinnedCores(cpus, allowed);
}

/** pins each process (every thread of it) to `cores`; the first pid (the root) must make it */
export async function pinProcesses(pids: number[], cores: number[]): Promise<void> {
  const list = cores.join(',');
  for (const [index, pid] of pids.entries()) {
    await run(TASKSET, ['-a', '-p', '-c', list, String(pid)]).catch((error: unknown) => {
      // a backend may exit between listing and pinning it
      if (index === 0) throw error;
    });
  }
}
