/**
 * Time as the engine sees it: monotonic milliseconds (float) and a way to wait. Injected so tests
 * check exact intended start times without real waiting (manual-clock.ts).
 */
import { performance } from 'node:perf_hooks';

export interface Clock {
  now(): number;
  /** resolves after about `ms`; the engine re-reads now() afterwards */
  wait(ms: number): Promise<void>;
}

/**
 * Real time. Waits longer than ~1 ms use a timer that wakes 1 ms early; shorter ones yield with
 * setImmediate, so arrivals leave within a fraction of a millisecond of their intended time.
 */
export const systemClock: Clock = {
  now: () => performance.now(),
  wait: (ms) =>
    new Promise<void>((resolve) => {
      if (ms > 1.5) setTimeout(resolve, Math.floor(ms - 1));
      else setImmediate(resolve);
    }),
};
