import { describe, expect, it } from 'vitest';
import { shardLoadPlan } from '../../../../load/shard/shard-load.ts';
import { assertLoadPlan } from '../../../../load-model/plan/compile-plan.ts';
import type { ExecutorConfig, LoadRunOptions } from '../../../../load-model/types.ts';

const base = (executor: ExecutorConfig) =>
  assertLoadPlan({ baseUrl: 'http://127.0.0.1:1/', executor } satisfies LoadRunOptions);
const shares = (executor: ExecutorConfig, count: number) =>
  Array.from({ length: count }, (_, index) => shardLoadPlan(base(executor), { index, count }).executor);

describe('a shard runs 1/N of the load', () => {
  it('constant arrival rate: rate / N on every shard, duration kept', () => {
    const all = shares({ executor: 'constant-arrival-rate', rate: 400, duration: '60s', maxVUs: 10 }, 4);
    for (const executor of all) {
      expect(executor).toMatchObject({ executor: 'constant-arrival-rate', rate: 100, durationMs: 60_000 });
      expect(executor.executor === 'constant-arrival-rate' && executor.maxVUs).toBe(3);
    }
  });

  it('ramping arrival rate: start rate and every stage target / N', () => {
    const all = shares(
      { executor: 'ramping-arrival-rate', startRate: 30, stages: [{ duration: '10s', target: 90 }] },
      3,
    );
    for (const executor of all) {
      expect(executor).toMatchObject({ startRate: 10, stages: [{ durationMs: 10_000, target: 30 }] });
    }
  });

  it('constant VUs: VUs / N, the remainder on the lowest shards, summing to the total', () => {
    const all = shares({ executor: 'constant-vus', vus: 10, duration: '5s' }, 4);
    expect(all.map((executor) => executor.executor === 'constant-vus' && executor.vus)).toEqual([3, 3, 2, 2]);
  });

  it('ramping VUs: each stage split the same way', () => {
    const all = shares({ executor: 'ramping-vus', startVUs: 5, stages: [{ duration: '5s', target: 7 }] }, 3);
    expect(all.map((executor) => executor.executor === 'ramping-vus' && executor.stages[0]!.target)).toEqual([
      3, 2, 2,
    ]);
    expect(all.map((executor) => executor.executor === 'ramping-vus' && executor.startVUs)).toEqual([
      2, 2, 1,
    ]);
  });

  it('a shard left without VUs is a one-line input error', () => {
    expect(() =>
      shardLoadPlan(base({ executor: 'constant-vus', vus: 2, duration: '5s' }), { index: 2, count: 3 }),
    ).toThrow(/shard 2\/3 gets no virtual users/);
  });

  it('one shard of one is the whole load', () => {
    const options = base({ executor: 'constant-arrival-rate', rate: 50, duration: '5s' });
    expect(shardLoadPlan(options, { index: 0, count: 1 })).toBe(options);
  });
});
