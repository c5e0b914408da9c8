/**
 * A closed model whose VUs fail at once does not spin: counted on a simulated clock (time moves to the
 * next timer only when nothing else can run), a failing VU runs a bounded number of iterations while a
 * working one keeps its back-to-back pace, and the schedule ends on time.
 */
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../../load/engine/clock.ts';
import { runClosedSchedule } from '../../../../load/engine/closed-scheduler.ts';
import { InFlight } from '../../../../load/engine/in-flight.ts';
import type { IterationRunner } from '../../../../load/engine/vu-pool.ts';
import { buildProfile } from '../../../../load-model/plan/profile.ts';
import { simulatedClock } from '../../../helpers/simulated-clock.ts';

async function run(vus: number, vu: (clock: Clock, id: number) => IterationRunner, fastFails: number[] = []) {
  const clock = simulatedClock();
  const inFlight = new InFlight();
  const ranMs = await runClosedSchedule({
    profile: buildProfile({ executor: 'constant-vus', vus, durationMs: 2000 }, 0),
    clock,
    startAt: 0,
    createVu: (id) => vu(clock, id),
    inFlight,
    onFastFail: (at) => fastFails.push(at),
  });
  const drained = await inFlight.drain(1000);
  return { ranMs, drained, endedAt: clock.now() };
}

describe('closed model with VUs that fail at once', () => {
  it('paces a VU that only fails: at most 10 iterations in 2 s, not thousands', async () => {
    const iterations: number[] = [];
    const fastFails: number[] = [];
    const { ranMs, drained, endedAt } = await run(
      1,
      (clock) => ({
        runIteration: async () => {
          iterations.push(clock.now());
          return 'failed';
        },
      }),
      fastFails,
    );
    // floors 10, 20, 40, … 640 ms, then 1 s: iterations at 0, 10, 30, 70, 150, 310, 630, 1270 (and 2000 at most)
    expect(iterations.slice(0, 8)).toEqual([0, 10, 30, 70, 150, 310, 630, 1270]);
    expect(iterations.length).toBeLessThanOrEqual(10);
    expect(fastFails.length).toBeGreaterThanOrEqual(iterations.length - 1);
    expect(ranMs).toBe(2000);
    expect(drained).toBe(true);
    expect(endedAt).toBeLessThanOrEqual(2000);
  });

  it('bounds every VU: 20 failing VUs run at most 200 iterations', async () => {
    let count = 0;
    await run(20, () => ({
      runIteration: async () => {
        count += 1;
        return 'failed';
      },
    }));
    expect(count).toBeGreaterThanOrEqual(20 * 8);
    expect(count).toBeLessThanOrEqual(20 * 10);
  });

  it('keeps working VUs back to back: 5 ms iterations run 400 times in 2 s, never paused', async () => {
    let count = 0;
    const fastFails: number[] = [];
    await run(
      1,
      (clock) => ({
        runIteration: async () => {
          await clock.wait(5);
          count += 1;
          return 'worked';
        },
      }),
      fastFails,
    );
    expect(count).toBeGreaterThanOrEqual(399);
    expect(fastFails).toEqual([]);
  });

  it('treats a runner that says nothing as working (the HTTP, gRPC and stream users)', async () => {
    let count = 0;
    await run(1, (clock) => ({
      runIteration: async () => {
        await clock.wait(10);
        count += 1;
      },
    }));
    expect(count).toBeGreaterThanOrEqual(199);
  });
});
