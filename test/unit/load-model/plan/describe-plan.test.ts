import { describe, expect, it } from 'vitest';
import { assertLoadPlan } from '../../../../load-model/plan/compile-plan.ts';
import { describePlan as describeCompiled } from '../../../../load-model/plan/describe-plan.ts';
import type { LoadRunOptions } from '../../../../load-model/types.ts';

const describePlan = (options: LoadRunOptions) => describeCompiled(assertLoadPlan(options));

describe('describePlan', () => {
  it('says what an open-model bench will do', () => {
    expect(
      describePlan({
        baseUrl: 'http://127.0.0.1:8080/',
        executor: { executor: 'constant-arrival-rate', rate: 200, duration: '30s' },
        warmup: '5s',
      }),
    ).toBe(
      'Running GET http://127.0.0.1:8080/: 200 iterations/s for 30s (open model, 20–200 VUs) after a 5s warm-up, timeout 10s.',
    );
  });

  it('says what a closed-model flow on workers will do', () => {
    expect(
      describePlan({
        baseUrl: 'http://127.0.0.1:8080/',
        executor: { executor: 'ramping-vus', startVUs: 0, stages: [{ duration: '1m', target: 10 }] },
        flow: { module: '/flows/cart.ts', exportName: 'cartFlow' },
        workers: 2,
        timeout: 2000,
      }),
    ).toBe(
      'Running flow cartFlow: virtual users ramping from 0 to 10 over 1m (closed model) on 2 worker threads, timeout 2s.',
    );
  });
});
