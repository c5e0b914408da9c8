import { describe, expect, it } from 'vitest';
import { assertFeasible, FD_RESERVE, socketBudget } from '../../../../load/engine/feasibility.ts';
import { parseOpenFileLimit } from '../../../../load/engine/open-file-limit.ts';
import { assertLoadPlan } from '../../../../load-model/plan/compile-plan.ts';
import type { ExecutorConfig } from '../../../../load-model/types.ts';

const options = (executor: ExecutorConfig, workers = 1) =>
  assertLoadPlan({ baseUrl: 'http://127.0.0.1:1/', executor, workers });
const limit = { soft: 20_000, hard: 20_000 };

function refusal(run: () => void): { message: string; hint: string; exitCode: number } {
  try {
    run();
  } catch (error: unknown) {
    return error as { message: string; hint: string; exitCode: number };
  }
  throw new Error('expected a refusal');
}

describe('loads refused before they run', () => {
  it('refuses a rate no thread can schedule, with the ceiling and what to do', () => {
    const huge = options({ executor: 'constant-arrival-rate', rate: 1e9, duration: '2s' });
    expect(() => assertFeasible(huge, limit)).toThrow(/cannot even be scheduled \(at most 1,000,000\/s/);
    const split = options({ executor: 'constant-arrival-rate', rate: 2e6, duration: '2s' }, 2);
    expect(() => assertFeasible(split, limit)).not.toThrow();
  });

  it('refuses more connections than the open-file limit allows, naming the limit and the fix', () => {
    const many = options({ executor: 'constant-vus', vus: 20_000, duration: '2s' });
    const refused = refusal(() => assertFeasible(many, limit));
    expect(refused.message).toMatch(/may open 20000/);
    expect(refused.hint).toMatch(/ulimit -Hn 20128/);
    expect(refused.exitCode).toBe(2);
    const raisable = { soft: 1024, hard: 65_536 };
    const some = options({ executor: 'constant-vus', vus: 5000, duration: '2s' });
    expect(refusal(() => assertFeasible(some, raisable)).hint).toMatch(/ulimit -n 65536/);
    expect(() => assertFeasible(some, null)).not.toThrow();
    expect(socketBudget(limit)).toBe(20_000 - FD_RESERVE);
  });

  it('reads the open-file limit from /proc/self/limits', () => {
    const text = [
      'Limit                     Soft Limit           Hard Limit           Units     ',
      'Max open files            20000                20000                files     ',
    ].join('\n');
    expect(parseOpenFileLimit(text)).toEqual({ soft: 20_000, hard: 20_000 });
    expect(parseOpenFileLimit('Max open files unlimited unlimited files')).toBeNull();
  });
});
