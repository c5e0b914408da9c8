import { describe, expect, it } from 'vitest';
import { createPacer } from '../../../../load/engine/pacer.ts';
import { compileExecutor } from '../../../../load-model/plan/compile-plan.ts';
import { buildProfile } from '../../../../load-model/plan/profile.ts';

function drain(pacer: ReturnType<typeof createPacer>): number[] {
  const times: number[] = [];
  for (let next = pacer.next(); next !== null; next = pacer.next()) times.push(next);
  return times;
}

describe('constant-arrival-rate pacer', () => {
  it('spaces arrivals exactly unit/rate apart, from 0, and stops before the end', () => {
    const profile = buildProfile(
      compileExecutor({ executor: 'constant-arrival-rate', rate: 4, duration: '1s' }),
      0,
    );
    expect(drain(createPacer(profile))).toEqual([0, 250, 500, 750]);
  });

  it('honours timeUnit', () => {
    const profile = buildProfile(
      compileExecutor({ executor: 'constant-arrival-rate', rate: 3, timeUnit: '1m', duration: '1m' }),
      0,
    );
    expect(drain(createPacer(profile))).toEqual([0, 20_000, 40_000]);
  });

  it('puts the warm-up first at the same rate, without a gap or a double arrival', () => {
    const profile = buildProfile(
      compileExecutor({ executor: 'constant-arrival-rate', rate: 5, duration: '1s' }),
      600,
    );
    expect(drain(createPacer(profile))).toEqual([0, 200, 400, 600, 800, 1000, 1200, 1400]);
  });

  it('gives rate × duration arrivals for a long run', () => {
    const profile = buildProfile(
      compileExecutor({ executor: 'constant-arrival-rate', rate: 1000, duration: '30s' }),
      0,
    );
    const times = drain(createPacer(profile));
    expect(times).toHaveLength(30_000);
    expect(times[29_999]).toBe(29_999);
  });
});
