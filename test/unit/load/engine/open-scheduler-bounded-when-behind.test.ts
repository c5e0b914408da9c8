import { describe, expect, it } from 'vitest';
import { InFlight } from '../../../../load/engine/in-flight.ts';
import { createManualClock } from '../../../../load/engine/manual-clock.ts';
import { MAX_LAUNCH_BURST, runOpenSchedule } from '../../../../load/engine/open-scheduler.ts';
import { createPacer } from '../../../../load/engine/pacer.ts';
import { type IterationRunner, VuPool } from '../../../../load/engine/vu-pool.ts';
import { compileExecutor } from '../../../../load-model/plan/compile-plan.ts';
import { buildProfile } from '../../../../load-model/plan/profile.ts';

/** A schedule whose every arrival is already due when it starts: the generator is hopelessly behind. */
async function runBehind(pool: VuPool, rate: number, signal?: AbortSignal) {
  const clock = createManualClock(0);
  const profile = buildProfile(
    compileExecutor({ executor: 'constant-arrival-rate', rate, duration: '1s' }),
    0,
  );
  const inFlight = new InFlight();
  let dropped = 0;
  clock.advance(2000);
  await runOpenSchedule({
    pacer: createPacer(profile),
    clock,
    startAt: 0,
    acquire: () => pool.acquire(),
    release: (vu) => pool.release(vu),
    onDropped: () => {
      dropped += 1;
    },
    inFlight,
    signal,
  });
  return { dropped, inFlight };
}

const never: IterationRunner = { runIteration: () => new Promise<void>(() => {}) };

describe('open scheduler far behind its schedule', () => {
  it('drops every arrival beyond the VU pool instead of queueing it', async () => {
    const pool = new VuPool(() => never, 10, 10);
    const { dropped, inFlight } = await runBehind(pool, 100_000);
    expect(pool.size).toBe(10);
    expect(inFlight.size).toBe(10);
    expect(dropped).toBe(100_000 - 10);
  });

  it('gives the event loop a turn between bursts, so an abort from outside is seen', async () => {
    const launched: number[] = [];
    const pool = new VuPool(() => ({ runIteration: async (at) => void launched.push(at) }), 1, 1);
    const controller = new AbortController();
    setImmediate(() => controller.abort());
    await runBehind(pool, 1_000_000, controller.signal);
    expect(launched.length).toBeGreaterThan(0);
    expect(launched.length).toBeLessThanOrEqual(MAX_LAUNCH_BURST);
  });
});
