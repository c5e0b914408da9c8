import { expect, it } from 'vitest';
import { lockDurationFor } from '../../../../../targets/app/work/bullmq.ts';

it('the BullMQ lock is at least 2 s and at least 5× the job cost (a job blocks the event loop)', () => {
  expect(lockDurationFor(20)).toBe(2000);
  expect(lockDurationFor(1000)).toBe(5000);
});
