import { afterEach, expect, it } from 'vitest';
import { processJob } from '../../../targets/app/work/process-job.ts';
import { makeWorkFunction } from '../../../targets/app/work/render.ts';
import { JobStore } from '../../../targets/app/work/store.ts';
import { removeTestData, testConfig } from './work-app.ts';

const config = testConfig({ WORK: 'queued' });
let store: JobStore | undefined;
afterEach(async () => {
  await store?.close();
  await removeTestData(config);
});

it('a job delivered again after it was stored is counted as duplicated and keeps its first result', async () => {
  store = new JobStore(config.REDIS_URL, config.REDIS_PREFIX);
  let calls = 0;
  const work = makeWorkFunction(0, () => {
    calls += 1;
  });
  await store.accept('job-1', 'input', 1000);
  expect(await processJob(store, work, 'worker-a', { jobId: 'job-1', input: 'input' })).toBe('done');
  const first = await store.get('job-1');
  expect(await processJob(store, work, 'worker-b', { jobId: 'job-1', input: 'input' })).toBe('duplicate');
  expect(calls).toBe(1);
  expect(await store.get('job-1')).toEqual(first);
  expect(await store.stats()).toMatchObject({
    accepted: 1,
    completed: 1,
    duplicated: 1,
    retried: 0,
    busy: {},
  });
});

it('a job started by a worker that died is retried: attempts 2, counted once as retried, completed once', async () => {
  store = new JobStore(config.REDIS_URL, config.REDIS_PREFIX);
  const work = makeWorkFunction(0);
  await store.accept('job-2', 'input', 1000);
  await store.begin('job-2', 'worker-dead', 1001); // the worker dies here, before it stores anything
  expect((await store.stats()).busy).toEqual({ 'worker-dead': 'job-2' });
  expect(await processJob(store, work, 'worker-b', { jobId: 'job-2', input: 'input' })).toBe('done');
  expect(await store.get('job-2')).toMatchObject({ status: 'done', attempts: 2, worker: 'worker-b' });
  expect(await store.stats()).toMatchObject({ completed: 1, duplicated: 0, retried: 1 });
});
