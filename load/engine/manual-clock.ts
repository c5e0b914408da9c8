/** A clock that only moves when waited on: every wait advances time by exactly the amount asked. */
import type { Clock } from './clock.ts';

export interface ManualClock extends Clock {
  /** moves time forward without waiting */
  advance(ms: number): void;
}

export function createManualClock(start = 0): ManualClock {
  let now = start;
  return {
    now: () => now,
    advance(ms) {
      now += ms;
    },
    wait(ms) {
      now += Math.max(0, ms);
      return new Promise((resolve) => setImmediate(resolve));
    },
    sleep(ms) {
      now += Math.max(0, ms);
      return new Promise((resolve) => setImmediate(resolve));
    },
  };
}
