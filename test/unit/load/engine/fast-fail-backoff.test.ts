/** The back-off rule of a closed-model VU whose iterations fail, with an injected clock. */
import { describe, expect, it } from 'vitest';
import { FastFailBackoff } from '../../../../load/engine/fast-fail-backoff.ts';
import { createManualClock } from '../../../../load/engine/manual-clock.ts';

/** runs one iteration that lasts `ms` and ends `failed`, returns the pause the rule asks for */
function iteration(
  backoff: FastFailBackoff,
  clock: ReturnType<typeof createManualClock>,
  ms: number,
  failed: boolean,
) {
  backoff.started();
  clock.advance(ms);
  return backoff.pauseAfter(failed);
}

describe('fast-fail back-off', () => {
  it('stretches failures at once to a floor of 10 ms, doubling to 1 s', () => {
    const clock = createManualClock(1000);
    const backoff = new FastFailBackoff(clock);
    const pauses = Array.from({ length: 10 }, () => iteration(backoff, clock, 0, true));
    expect(pauses).toEqual([10, 20, 40, 80, 160, 320, 640, 1000, 1000, 1000]);
  });

  it('pauses only what is left of the floor: a slow failure (a timeout) is not paused', () => {
    const clock = createManualClock(0);
    const backoff = new FastFailBackoff(clock);
    expect(iteration(backoff, clock, 4, true)).toBe(6);
    expect(iteration(backoff, clock, 5, true)).toBe(15);
    expect(iteration(backoff, clock, 10_000, true)).toBe(0);
    // the streak still counts it: the next fast failure's floor is 80 ms
    expect(iteration(backoff, clock, 30, true)).toBe(50);
  });

  it('never pauses after an iteration that worked, and a worked one resets the floor', () => {
    const clock = createManualClock(0);
    const backoff = new FastFailBackoff(clock);
    for (let i = 0; i < 8; i += 1) iteration(backoff, clock, 0, true);
    expect(iteration(backoff, clock, 0, false)).toBe(0);
    expect(iteration(backoff, clock, 0, false)).toBe(0);
    expect(iteration(backoff, clock, 1, true)).toBe(9);
  });

  it('takes its floors from the rule it is given', () => {
    const clock = createManualClock(0);
    const backoff = new FastFailBackoff(clock, { firstMs: 1, maxMs: 4 });
    expect([0, 0, 0, 0].map(() => iteration(backoff, clock, 0, true))).toEqual([1, 2, 4, 4]);
  });
});
