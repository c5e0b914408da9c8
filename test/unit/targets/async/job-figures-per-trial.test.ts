/**
 * The drain's figures as one trial's: accepted, lost, duplicated and retried since the counters at
 * the trial's start, so a second trial on the same target does not carry the first one's.
 */
import { expect, it } from 'vitest';
import { type DrainResult, jobFigures } from '../../../../targets/async/drain.ts';

const drain = (accepted: number, completed: number, duplicated: number): DrainResult => ({
  drained: completed >= accepted,
  accepted,
  completed,
  lost: Math.max(0, accepted - completed),
  duplicated,
  retried: duplicated,
  waitedMs: 0,
});

it('counts the first trial whole and the second from where the first left off', () => {
  expect(jobFigures(drain(120, 118, 1))).toEqual({
    jobsAccepted: 120,
    jobsLost: 2,
    jobsDuplicated: 1,
    jobsRetried: 1,
  });
  const since = { jobsAccepted: 120, jobsCompleted: 118, jobsDuplicated: 1, jobsRetried: 1 };
  expect(jobFigures(drain(250, 248, 1), since)).toEqual({
    jobsAccepted: 130,
    jobsLost: 0,
    jobsDuplicated: 0,
    jobsRetried: 0,
  });
});
