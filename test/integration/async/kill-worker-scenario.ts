/**
 * The worker-kill scenario shared by both queue backends: start the async target (web + 2 real worker
 * processes), post jobs, SIGKILL worker 0 while it is mid-job, drain, and return what happened.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAsyncTarget } from '../../../targets/async/async-target.ts';
import { type DrainResult, waitForDrain } from '../../../targets/async/drain.ts';
import { readWorkStats } from '../../../targets/async/work-stats.ts';

export interface KillOutcome {
  drain: DrainResult;
  /** status of every posted job after the drain, from GET /jobs/:id */
  statuses: string[];
  killedWorkerAlive: boolean;
}

async function postJob(url: string, input: string): Promise<string> {
  const response = await fetch(`${url}/work`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ input }),
  });
  if (response.status !== 202) throw new Error(`POST /work answered ${response.status}`);
  return ((await response.json()) as { jobId: string }).jobId;
}

export async function killWorkerMidRun(queue: 'bullmq' | 'rabbitmq', jobs: number): Promise<KillOutcome> {
  const logDir = mkdtempSync(join(tmpdir(), 'sb-async-kill-'));
  const target = await startAsyncTarget({
    variant: { work: 'queued', queue },
    workers: 2,
    logDir,
    env: { WORK_COST_MS: '20' },
  });
  try {
    const ids = await Promise.all(Array.from({ length: jobs }, (_, i) => postJob(target.url, `kill-${i}`)));
    await target.kill('worker', 0);
    const drain = await waitForDrain(target, { timeoutMs: 20_000, pollMs: 100 });
    const statuses = await Promise.all(
      ids.map(
        async (id) => ((await (await fetch(`${target.url}/jobs/${id}`)).json()) as { status: string }).status,
      ),
    );
    const stats = await readWorkStats(target.url);
    if (stats.accepted !== jobs) throw new Error(`expected ${jobs} accepted, store says ${stats.accepted}`);
    const killed = target.instances().find((instance) => instance.id === 'worker-0');
    return { drain, statuses, killedWorkerAlive: killed?.alive ?? true };
  } finally {
    await target.stop();
    rmSync(logDir, { recursive: true, force: true });
  }
}
