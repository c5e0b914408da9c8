/**
 * The worker fault: SIGKILL a worker while it is in the middle of a job, never between two jobs. The
 * worker is frozen (SIGSTOP) once the job store shows it busy, the store is read again — the busy mark
 * is removed in the same atomic step that stores a result, so a mark still there means the job is
 * unfinished and the frozen worker cannot finish it — and then killed. If the worker never gets busy
 * within the wait, it is killed anyway.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppProcess } from '../process/app-process.ts';
import { readWorkStats } from './work-stats.ts';

export interface MidJobKill {
  /** the job the worker held when it died, or null when it was idle */
  jobId: string | null;
}

async function busyWith(url: string, workerId: string): Promise<string | undefined> {
  const stats = await readWorkStats(url).catch(() => undefined);
  return stats?.busy[workerId];
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // gone already
  }
}

export async function killMidJob(
  webUrl: string,
  worker: AppProcess,
  kill: () => Promise<void>,
  timeoutMs = 3000,
): Promise<MidJobKill> {
  const deadline = Date.now() + timeoutMs;
  let jobId: string | null = null;
  while (Date.now() < deadline && worker.alive() && jobId === null) {
    if ((await busyWith(webUrl, worker.id)) !== undefined) {
      signal(worker.pid, 'SIGSTOP');
      const held = await busyWith(webUrl, worker.id);
      if (held !== undefined) jobId = held;
      else signal(worker.pid, 'SIGCONT');
    }
    if (jobId === null) await sleep(5);
  }
  await kill();
  return { jobId };
}
