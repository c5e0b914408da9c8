import { describe, expect, it } from 'vitest';
import { InFlight } from '../../../../load/engine/in-flight.ts';
import { createManualClock, type ManualClock } from '../../../../load/engine/manual-clock.ts';
import { type OpenSchedulerOptions, runOpenSchedule } from '../../../../load/engine/open-scheduler.ts';
import { createPacer } from '../../../../load/engine/pacer.ts';
import { type IterationRunner, VuPool } from '../../../../load/engine/vu-pool.ts';
import { compileExecutor } from '../../../../load-model/plan/compile-plan.ts';
import { buildProfile } from '../../../../load-model/plan/profile.ts';

interface Schedule extends Partial<Pick<OpenSchedulerOptions, 'onDropped' | 'signal'>> {
  clock: ManualClock;
  pool: VuPool;
  rate: number;
  duration: string;
}

/** Runs a constant-arrival-rate schedule from the clock's current time with VUs from `pool`. */
async function schedule({ clock, pool, rate, duration, ...rest }: Schedule) {
  const profile = buildProfile(compileExecutor({ executor: 'constant-arrival-rate', rate, duration }), 0);
  const inFlight = new InFlight();
  const ended = await runOpenSchedule({
    pacer: createPacer(profile),
    clock,
    startAt: clock.now(),
    acquire: () => pool.acquire(),
    release: (v) => pool.release(v),
    onDropped: () => {},
    inFlight,
    ...rest,
  });
  return { ended, inFlight };
}

describe('open scheduler with an injected clock', () => {
  it('launches every arrival at its intended time, relative to the start', async () => {
    const clock = createManualClock(5000);
    const launched: { intended: number; at: number }[] = [];
    const vu: IterationRunner = {
      runIteration: async (intendedAt) => {
        launched.push({ intended: intendedAt, at: clock.now() });
      },
    };
    const pool = new VuPool(() => vu, 1, 1);
    const { ended, inFlight } = await schedule({ clock, pool, rate: 10, duration: '500ms' });
    await inFlight.drain(1000);
    expect(launched.map((l) => l.intended)).toEqual([5000, 5100, 5200, 5300, 5400]);
    expect(launched.map((l) => l.at)).toEqual([5000, 5100, 5200, 5300, 5400]);
    expect(ended).toBe(400);
  });

  it('drops arrivals when every VU is busy instead of delaying them (no coordinated omission)', async () => {
    const clock = createManualClock(0);
    const pending: (() => void)[] = [];
    const pool = new VuPool(
      () => ({ runIteration: () => new Promise<void>((resolve) => pending.push(resolve)) }),
      1,
      2,
    );
    const dropped: number[] = [];
    const onDropped = (intendedAt: number) => dropped.push(intendedAt);
    const { inFlight } = await schedule({ clock, pool, rate: 5, duration: '1s', onDropped });
    expect(pool.size).toBe(2);
    expect(dropped).toEqual([400, 600, 800]);
    for (const resolve of pending) resolve();
    expect(await inFlight.drain(1000)).toBe(true);
  });

  it('stops scheduling once the signal is aborted', async () => {
    const clock = createManualClock(0);
    const controller = new AbortController();
    let launches = 0;
    const pool = new VuPool(
      () => ({
        runIteration: async () => {
          launches += 1;
          if (launches === 3) controller.abort();
        },
      }),
      1,
      1,
    );
    await schedule({ clock, pool, rate: 100, duration: '10s', signal: controller.signal });
    expect(launches).toBeLessThan(10);
  });
});
