import { describe, expect, it } from 'vitest';
import { k6Scenario } from '../../../../exporters/k6/k6-options.ts';

describe('our executors become k6 scenarios', () => {
  it('ramping arrival rate: stages with k6 duration strings, the VU pool made explicit', () => {
    expect(
      k6Scenario(
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
    expect(k6Scenario({ executor: 'constant-vus', vus: 8, duration: '2m' }, undefined)).toEqual({
      executor: 'constant-vus',
      vus: 8,
      duration: '2m',
      gracefulStop: '11s',
    });
    expect(
      k6Scenario({ executor: 'ramping-vus', stages: [{ duration: '10s', target: 4 }] }, undefined),
    ).toEqual({
      executor: 'ramping-vus',
      startVUs: 1,
      stages: [{ duration: '10s', target: 4 }],
      gracefulStop: '11s',
    });
  });

  it('constant arrival rate with a time unit keeps it', () => {
    expect(
      k6Scenario(
        { executor: 'constant-arrival-rate', rate: 600, timeUnit: '1m', duration: '30s' },
        undefined,
      ),
    ).toMatchObject({ rate: 600, timeUnit: '1m', preAllocatedVUs: 10, maxVUs: 10 });
  });
});
