/**
 * The terminal a presenter runs from: every figure of a progress line named (per second apart from the
 * running error total), the fault announced on a line of its own at the time the charts show, and the
 * capacity search headed by its SLO, each step with why it counts, and ended by its result.
 */
import { describe, expect, it } from 'vitest';
import type { SuiteEvent } from '../../../../orchestration/run/events.ts';
import { createSuiteProgress } from '../../../../orchestration/run/suite-progress.ts';

const names = { experiment: 'clones', variant: 'stateless-1' };

function printed(events: SuiteEvent[]): string {
  let out = '';
  const progress = createSuiteProgress({ write: (text) => (out += text), isTTY: false, quiet: false });
  for (const event of events) progress(event);
  return out;
}

const start: SuiteEvent = {
  type: 'variant-start',
  ...names,
  index: 0,
  total: 1,
  etaSeconds: 20,
  description: '1 clone, sessions in Redis, round-robin balancer',
};

describe('the terminal during a run', () => {
  it('names every figure of a second: requests/s, planned iterations/s, errors this second and in all', () => {
    const out = printed([
      start,
      {
        type: 'second',
        ...names,
        trial: 0,
        point: {
          second: 4,
          warmup: false,
          requests: 37,
          errors: 3,
          p50: 2.73,
          p90: 5,
          p99: 11.98,
          elapsedSeconds: 5,
          totalRequests: 150,
          totalErrors: 66,
          targetRate: 30,
        },
      },
    ]);
    expect(out).toContain('1 clone, sessions in Redis, round-robin balancer');
    expect(out).toContain(
      '5s  37 requests/s (planned 30 iterations/s)  p50 2.73 ms  p99 11.98 ms  errors 3 this second, 66 in all',
    );
  });

  it('announces a kill and a clone back at the time on the charts, with the time after the warm-up', () => {
    const out = printed([
      start,
      {
        type: 'fault',
        ...names,
        trial: 0,
        elapsedSeconds: 3.03,
        atSeconds: 2.03,
        kind: 'kill',
        detail: 'kill clone 0',
      },
      {
        type: 'fault',
        ...names,
        trial: 0,
        elapsedSeconds: 9,
        atSeconds: 8,
        kind: 'restart',
        detail: 'restart clone 0',
      },
    ]);
    expect(out).toContain(
      '*** [1/1] clones/stateless-1: clone 0 killed at 3.0 s (2.0 s after the warm-up) ***\n',
    );
    expect(out).toContain(
      '*** [1/1] clones/stateless-1: clone 0 is back at 9.0 s (8.0 s after the warm-up) ***\n',
    );
  });

  it('heads the capacity search, says why each step counts and ends with the capacity', () => {
    const step = {
      type: 'capacity-step' as const,
      ...names,
      errorRate: 0,
      hostIdle: 0.7,
      generatorCores: 0.1,
    };
    const slo = { p99Ms: 200, errorRate: 0.01 };
    const out = printed([
      start,
      { type: 'capacity-start', ...names, slo, startRate: 30 },
      { ...step, rate: 30, p99Ms: 113, ok: true },
      { ...step, rate: 60, p99Ms: 1054, ok: false, broken: 'p99 1054.7 ms > 200 ms', marginal: false },
      { ...step, rate: 45, p99Ms: 283, ok: false, broken: 'p99 283.1 ms > 200 ms', marginal: true },
      { ...step, rate: 45, p99Ms: 190, ok: true },
      { type: 'capacity-done', ...names, capacity: 45, capped: false, slo, hostIdleAtKnee: 0.69 },
    ]);
    const lines = out.trim().split('\n').slice(2);
    expect(lines).toEqual([
      '[1/1] clones/stateless-1: searching capacity (p99 ≤ 200 ms, errors ≤ 1%), from 30/s…',
      '[1/1] clones/stateless-1:   step 30/s: p99 113.0 ms, errors 0.00%, host idle 70% → held',
      '[1/1] clones/stateless-1:   step 60/s: p99 1054.0 ms, errors 0.00%, host idle 70% → broke by far: counts at once (p99 1054.7 ms > 200 ms)',
      '[1/1] clones/stateless-1:   step 45/s: p99 283.0 ms, errors 0.00%, host idle 70% → broke by a little: measured again (p99 283.1 ms > 200 ms)',
      '[1/1] clones/stateless-1:   step 45/s: p99 190.0 ms, errors 0.00%, host idle 70% → held on a second measurement: counts as held',
      '*** [1/1] clones/stateless-1: capacity 45/s (p99 ≤ 200 ms, errors ≤ 1%) ***',
    ]);
  });
});
