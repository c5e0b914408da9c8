import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, expect, it } from 'vitest';
import { type RunningWorker, startWorker } from '../../../targets/app/work/worker-runtime.ts';
import { startWorkApp, testConfig, type WorkApp } from './work-app.ts';

const opened: WorkApp[] = [];
let worker: RunningWorker | undefined;
afterEach(async () => {
  await worker?.close();
  worker = undefined;
  await Promise.all(opened.splice(0).map((app) => app.cleanup()));
});

async function pollDone(web: WorkApp, jobId: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200; i += 1) {
    const job = await web.get(`/jobs/${jobId}`);
    if (job.body.status === 'done') return job.body;
    await sleep(25);
  }
  throw new Error(`job ${jobId} never finished`);
}

it('the same input gives the same result whether the request does the work or a worker does', async () => {
  const sync = await startWorkApp(testConfig({ WORK: 'sync' }));
  opened.push(sync);
  const queuedConfig = testConfig({ WORK: 'queued', QUEUE: 'bullmq' });
  const queued = await startWorkApp(queuedConfig);
  opened.push(queued);
  worker = await startWorker({ ...queuedConfig, INSTANCE_ID: 'worker-test' });

  const direct = await sync.post('quarterly report');
  expect(direct.status).toBe(200);
  expect(sync.app.counters.get('workExecutedTotal')).toBe(1);

  const accepted = await queued.post('quarterly report');
  expect(accepted.status).toBe(202);
  const job = await pollDone(queued, accepted.body.jobId as string);
  expect(job.result).toEqual((direct.body as { result: unknown }).result);
  expect(job).toMatchObject({ attempts: 1, worker: 'worker-test' });
  expect(job.finishedAt as number).toBeGreaterThanOrEqual(job.acceptedAt as number);
  expect(worker.tally).toEqual({ done: 1, duplicate: 0 });
});
