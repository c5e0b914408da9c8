/**
 * Time as the engine sees it: monotonic milliseconds (float) and ways to wait. Injected so tests
 * check exact intended start times without real waiting (manual-clock.ts).
 */
import { performance } from 'node:perf_hooks';

export interface Clock {
  now(): number;
  /** resolves after about `ms`; the engine re-reads now() afterwards */
  wait(ms: number): Promise<void>;
  /**
   * resolves no sooner than about `ms` from now, by a timer alone: for a loop that does whatever came
   * due when it wakes (the WebSocket send ticker), where waking up to a timer tick late costs less
   * than spinning on the event loop until the exact time
   */
  sleep(ms: number): Promise<void>;
}

/**
 * Real time. Waits longer than ~1 ms use a timer that wakes 1 ms early; shorter ones yield with
 * setImmediate, so arrivals leave within a fraction of a millisecond of their intended time. Sleeps
 * round up to whole milliseconds (timers have no finer grain) and yield only when nothing is left to
 * wait.
 */
export const systemClock: Clock = {
  now: () => performance.now(),
  wait: (ms) =>
    new Promise<void>((resolve) => {
      if (ms > 1.5) setTimeout(resolve, Math.floor(ms - 1));
      else setImmediate(resolve);
    }),
  sleep: (ms) =>
    new Promise<void>((resolve) => {
      if (ms > 0) setTimeout(resolve, Math.ceil(ms));
      else setImmediate(resolve);
    }),
};
