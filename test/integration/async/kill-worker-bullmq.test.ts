import { expect, it } from 'vitest';
import { killWorkerMidRun } from './kill-worker-scenario.ts';

it('bullmq: a worker killed mid-job loses nothing — after the drain completed = accepted', async () => {
  const outcome = await killWorkerMidRun('bullmq', 40);
  expect(outcome.killedWorkerAlive).toBe(false);
  expect(outcome.drain).toMatchObject({ drained: true, accepted: 40, completed: 40, lost: 0 });
  // the job the killed worker held was delivered again to the surviving worker
  expect(outcome.drain.retried).toBeGreaterThanOrEqual(1);
  expect(outcome.statuses.every((status) => status === 'done')).toBe(true);
});
