import { describe, expect, it } from 'vitest';
import { k6Scenario } from '../../../../exporters/k6/k6-options.ts';
import type { DurationInput } from '../../../../load-model/duration.ts';
import { compileSchedule } from '../../../../load-model/plan/compile-plan.ts';
import type { ExecutorConfig } from '../../../../load-model/types.ts';

const scenarioOf = (executor: ExecutorConfig, timeout: DurationInput | undefined) =>
  k6Scenario(compileSchedule({ executor, timeout }));

describe('our executors become k6 scenarios', () => {
  it('ramping arrival rate: stages with k6 duration strings, the VU pool made explicit', () => {
    expect(
      scenarioOf(
        {
          executor: 'ramping-arrival-rate',
          stages: [
            { duration: 90_000, target: 200 },
            { duration: '500ms', target: 0 },
          ],
        },
        '5s',
      ),
    ).toEqual({
      executor: 'ramping-arrival-rate',
      startRate: 0,
      timeUnit: '1s',
      stages: [
        { duration: '90s', target: 200 },
        { duration: '500ms', target: 0 },
      ],
      preAllocatedVUs: 20,
      maxVUs: 200,
      gracefulStop: '6s',
    });
  });

  it('constant VUs and ramping VUs', () => {
    expect(scenarioOf({ executor: 'constant-vus', vus: 8, duration: '2m' }, undefined)).toEqual({
      executor: 'constant-vus',
      vus: 8,
      duration: '2m',
      gracefulStop: '11s',
    });
    expect(
      scenarioOf({ executor: 'ramping-vus', stages: [{ duration: '10s', target: 4 }] }, undefined),
    ).toEqual({
      executor: 'ramping-vus',
      startVUs: 1,
      stages: [{ duration: '10s', target: 4 }],
      gracefulStop: '11s',
    });
  });

  it('constant arrival rate with a time unit keeps it', () => {
    expect(
      scenarioOf(
        { executor: 'constant-arrival-rate', rate: 600, timeUnit: '1m', duration: '30s' },
        undefined,
      ),
    ).toMatchObject({ rate: 600, timeUnit: '1m', preAllocatedVUs: 10, maxVUs: 10 });
  });
});
