import { describe, expect, it } from 'vitest';
import { createPacer } from '../../../../load/engine/pacer.ts';
import { compileExecutor } from '../../../../load-model/plan/compile-plan.ts';
import { buildProfile } from '../../../../load-model/plan/profile.ts';
import type { RateStage } from '../../../../load-model/types.ts';

/** Every arrival time (ms from the start) of a ramping-arrival-rate profile, in order. */
function arrivals(startRate: number, stages: RateStage[]): number[] {
  const pacer = createPacer(
    buildProfile(compileExecutor({ executor: 'ramping-arrival-rate', startRate, stages }), 0),
  );
  const times: number[] = [];
  for (let next = pacer.next(); next !== null; next = pacer.next()) times.push(next);
  return times;
}

describe('ramping-arrival-rate pacer', () => {
  it('follows a linear ramp: arrival k at sqrt(2k·D/target)', () => {
    // 0 → 10/s over 2 s: count(t) = 10·t²/(2·2) per second → 10 arrivals in all
    const times = arrivals(0, [{ duration: '2s', target: 10 }]);
    expect(times).toHaveLength(10);
    times.forEach((t, k) => {
      expect(t).toBeCloseTo(1000 * Math.sqrt((2 * k * 2) / 10), 6);
    });
  });

  it('chains stages: a ramp up then a plateau keeps exact spacing on the plateau', () => {
    const times = arrivals(10, [
      { duration: '1s', target: 10 },
      { duration: '500ms', target: 10 },
    ]);
    expect(times).toHaveLength(15);
    expect(times.slice(10)).toEqual([1000, 1100, 1200, 1300, 1400]);
  });

  it('sends nothing during a stage at rate 0', () => {
    const times = arrivals(0, [
      { duration: '1s', target: 0 },
      { duration: '1s', target: 0 },
    ]);
    expect(times).toEqual([]);
  });
});
