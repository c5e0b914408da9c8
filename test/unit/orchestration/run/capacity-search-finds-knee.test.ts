import { describe, expect, it } from 'vitest';
import { type CapacityProbe, searchCapacity } from '../../../../orchestration/run/capacity-search.ts';

/** a scripted system: holds the SLO up to `limit`/s, with the host idle share given per rate */
function system(limit: number, hostIdle: (rate: number) => number = () => 0.4) {
  const asked: number[] = [];
  const measure = async (rate: number): Promise<CapacityProbe> => {
    asked.push(rate);
    return {
      ok: rate <= limit,
      p99Ms: rate <= limit ? 20 : 900,
      errorRate: 0,
      hostIdle: hostIdle(rate),
      generatorCores: 0.1,
    };
  };
  return { measure, asked };
}

describe('the capacity search', () => {
  it('grows, then bisects to within the resolution of the knee', async () => {
    const { measure, asked } = system(730);
    const result = await searchCapacity(
      { startRate: 50, maxRate: 5000, resolution: 10, precision: 0, confirmBreaks: 0 },
      measure,
    );
    expect(asked.slice(0, 6)).toEqual([50, 100, 200, 400, 800, 600]);
    expect(result.capacity).toBeGreaterThan(720);
    expect(result.capacity).toBeLessThanOrEqual(730);
    expect(result.knee!.rate - result.capacity!).toBeLessThanOrEqual(10);
    expect(result.capped).toBe(false);
    expect(result.hostBound).toBe(false);
    expect(result.hostIdleAtKnee).toBeCloseTo(0.4);
  });

  it('stops bisecting at the relative precision', async () => {
    const { measure, asked } = system(730);
    const result = await searchCapacity(
      { startRate: 50, maxRate: 5000, resolution: 10, confirmBreaks: 0 },
      measure,
    );
    // the gap at the end is at most 10% of the capacity
    expect(result.knee!.rate - result.capacity!).toBeLessThanOrEqual(result.capacity! * 0.1);
    expect(asked.length).toBeLessThan(10);
  });

  it('re-measures a break before it counts, so one stall does not end the search', async () => {
    let stalls = 1;
    const result = await searchCapacity(
      { startRate: 100, maxRate: 400, resolution: 10, confirmBreaks: 1, confirmKnee: false },
      async (rate) => {
        const stalled = rate === 200 && stalls-- > 0;
        return { ok: !stalled, p99Ms: 10, errorRate: 0, hostIdle: 0.5, generatorCores: 0 };
      },
    );
    expect(result.steps.map((step) => [step.rate, step.ok])).toEqual([
      [100, true],
      [200, false],
      [200, true],
      [400, true],
    ]);
    expect(result).toMatchObject({ capacity: 400, capped: true });
  });

  it('counts a break by far at once, and re-measures only a marginal one', async () => {
    const result = await searchCapacity(
      { startRate: 100, maxRate: 1000, resolution: 10, precision: 0.3, confirmBreaks: 1, confirmKnee: false },
      async (rate) => ({
        ok: rate <= 250,
        p99Ms: rate <= 250 ? 20 : rate >= 400 ? 900 : 210,
        errorRate: 0,
        hostIdle: 0.5,
        generatorCores: 0,
        ...(rate > 250 ? { marginal: rate < 400 } : {}),
      }),
    );
    // 400 broke by far (measured once); 300 broke marginally (measured twice)
    expect(result.steps.map((step) => step.rate)).toEqual([100, 200, 400, 300, 300, 250]);
    expect(result.capacity).toBe(250);
  });

  it('marks the answer host-bound when the host had no headroom at the rate it held', async () => {
    const { measure } = system(300, (rate) => (rate > 200 ? 0.05 : 0.3));
    const result = await searchCapacity(
      { startRate: 100, maxRate: 1000, resolution: 10, confirmBreaks: 0 },
      measure,
    );
    expect(result.capacity).toBeGreaterThan(200);
    expect(result.hostBound).toBe(true);
    expect(result.hostIdleAtKnee).toBeCloseTo(0.05);
  });

  it('takes the host idle share from the step that held, not from a failing step above it', async () => {
    const { measure } = system(300, (rate) => (rate > 300 ? 0.01 : 0.3));
    const result = await searchCapacity(
      { startRate: 100, maxRate: 1000, resolution: 10, confirmBreaks: 0 },
      measure,
    );
    expect(result.knee!.rate).toBe(result.capacity);
    expect(result.hostIdleAtKnee).toBeCloseTo(0.3);
    expect(result.hostBound).toBe(false);
  });

  it('measures the rate found a second time, and searches below it when it breaks then', async () => {
    const seen = new Map<number, number>();
    // 300/s holds once (a lucky step) and breaks when measured again; 260/s holds every time
    const result = await searchCapacity(
      { startRate: 100, maxRate: 1000, resolution: 10, precision: 0.15, confirmBreaks: 0 },
      async (rate) => {
        const times = (seen.get(rate) ?? 0) + 1;
        seen.set(rate, times);
        const ok = rate <= 260 || (rate === 300 && times === 1);
        return { ok, p99Ms: ok ? 20 : 900, errorRate: 0, hostIdle: 0.5, generatorCores: 0 };
      },
    );
    expect(seen.get(300)).toBe(2);
    expect(result.capacity).toBeLessThanOrEqual(260);
    expect(result.capacity).toBeGreaterThanOrEqual(240);
    // the capacity printed held on its second measurement too
    expect(seen.get(result.capacity!)).toBe(2);
  });

  it('finds a capacity below the start rate, and none when nothing holds', async () => {
    const low = await searchCapacity(
      { startRate: 100, maxRate: 1000, resolution: 10, confirmBreaks: 0 },
      system(40).measure,
    );
    expect(low.capacity).toBeLessThanOrEqual(40);
    expect(low.capacity).toBeGreaterThanOrEqual(30);
    const none = await searchCapacity(
      { startRate: 100, maxRate: 1000, resolution: 10, confirmBreaks: 0 },
      system(0).measure,
    );
    expect(none).toMatchObject({ capacity: null, capped: false });
  });
});
