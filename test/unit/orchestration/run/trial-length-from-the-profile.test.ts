/** A trial's planned length for live views: warm-up plus the compiled executor's duration or stages. */
import { describe, expect, it } from 'vitest';
import { compileSchedule } from '../../../../load-model/plan/compile-plan.ts';
import { trialLength } from '../../../../orchestration/run/trial-load.ts';

describe('trialLength', () => {
  it('adds the warm-up to a constant executor duration', () => {
    expect(
      trialLength(
        compileSchedule({
          executor: { executor: 'constant-arrival-rate', rate: 30, duration: '4s' },
          warmup: '1s',
        }),
      ),
    ).toEqual({ warmupSeconds: 1, seconds: 5 });
  });

  it('sums the stages of a ramping executor', () => {
    expect(
      trialLength(
        compileSchedule({
          executor: {
            executor: 'ramping-vus',
            stages: [
              { duration: '10s', target: 5 },
              { duration: '500ms', target: 0 },
            ],
          },
          warmup: '0s',
        }),
      ),
    ).toEqual({ warmupSeconds: 0, seconds: 10.5 });
  });
});
