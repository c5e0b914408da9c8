/**
 * The portable CPU cap for server processes scalebench does not write (PostgreSQL): a thread of
 * scalebench's (cpu-limiter-thread.ts) stops the process tree with SIGSTOP whenever it has spent more
 * CPU than its size earns and continues it with SIGCONT once the debt is paid. Needs no privilege for
 * processes the user owns; on Linux it reads /proc every 10 ms, elsewhere `ps` every 100 ms.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { threadEntry } from '../../core/entry-points.ts';
import type { LimiterThreadInput } from './cpu-limiter-thread.ts';
import { processTree } from './process-cpu.ts';

export interface CpuLimiter {
  cpus: number;
  /** resolves once the limiter has taken its first reading (it holds from then on) */
  ready: Promise<void>;
  /** ms the process has been held stopped so far */
  heldMs(): number;
  /** ends the limiting and leaves the process running (continued) */
  stop(): Promise<void>;
}

export function startCpuLimiter(pid: number, cpus: number): CpuLimiter {
  const entry = threadEntry('targets/sizing/cpu-limiter-thread.ts');
  const input: LimiterThreadInput = { pid, cpus, tickMs: process.platform === 'linux' ? 10 : 100 };
  const worker = new Worker(entry.filename, { eval: entry.eval, workerData: input });
  worker.unref();
  let held = 0;
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  worker.on('message', (message: { heldMs: number }) => {
    held = message.heldMs;
    markReady();
  });
  const exited = once(worker, 'exit').then(() => markReady());
  worker.on('error', (error) => process.stderr.write(`cpu limiter for pid ${pid}: ${error.message}\n`));
  return {
    cpus,
    ready,
    heldMs: () => held,
    stop: async () => {
      worker.postMessage('stop');
      const timeout = setTimeout(() => void worker.terminate(), 2000);
      await exited;
      clearTimeout(timeout);
      // a terminated thread may have left the processes stopped
      for (const member of processTree(pid)) {
        try {
          process.kill(member, 'SIGCONT');
        } catch {
          // gone
        }
      }
    },
  };
}
