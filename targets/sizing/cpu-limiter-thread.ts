/**
 * The stop/continue limiter's thread (cpu-limiter.ts starts it): every tick it reads the CPU time of a
 * process and its descendants and, once they have spent more than their size earns (cpu-budget.ts),
 * stops them all with SIGSTOP for as long as the debt takes to pay, then continues them with SIGCONT —
 * what Debian's cpulimit does, for processes scalebench does not write (PostgreSQL). It runs in a thread
 * of its own so the load generator's busy event loop cannot delay a SIGCONT.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { CpuBudget } from './cpu-budget.ts';
import { processCpuMs, processTree, readTreeSample } from './process-cpu.ts';
import { TreeCpuMeter } from './tree-cpu-meter.ts';

export interface LimiterThreadInput {
  pid: number;
  cpus: number;
  tickMs: number;
}

const input = workerData as LimiterThreadInput;
let running = true;
let heldMs = 0;
parentPort?.on('message', (message: unknown) => {
  if (message === 'stop') running = false;
});

function signalAll(pids: number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // exited meanwhile
    }
  }
}

const meter = new TreeCpuMeter();
/** the tree's CPU so far: counted once per process where /proc says who ran (TreeCpuMeter), else by ps */
const read = async () => {
  const sample = readTreeSample(input.pid);
  const cpuMs = sample ? meter.observe(sample) : await processCpuMs(input.pid, { tree: true, exact: true });
  return cpuMs === null ? null : { wallMs: performance.now(), cpuMs };
};

const budget = new CpuBudget(input.cpus);
while (running) {
  const reading = await read();
  if (reading === null) break;
  const holdMs = budget.observe(reading);
  if (holdMs > 0) {
    const pids = processTree(input.pid);
    signalAll(pids, 'SIGSTOP');
    await sleep(holdMs);
    signalAll(pids, 'SIGCONT');
    heldMs += holdMs;
    const after = await read();
    if (after) budget.observe(after);
  }
  parentPort?.postMessage({ heldMs });
  await sleep(input.tickMs);
}
// never leave the server stopped
signalAll(processTree(input.pid), 'SIGCONT');
parentPort?.postMessage({ heldMs, done: true });
