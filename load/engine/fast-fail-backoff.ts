/**
 * A closed-model VU whose iterations keep failing (a WebSocket connect refused, an event stream on a
 * port nothing listens on) is paced instead of looping as fast as the CPU allows: each failed iteration
 * in a row is stretched to a floor of 10 ms, doubling up to 1 s, so a VU that only fails runs about one
 * iteration a second after seven. A pause is what is left of the floor once the iteration has ended, so
 * a failure that was slow anyway (a timeout) is not paused, and a loop slowed by its own spinning still
 * backs off. An iteration that worked resets the floor: the next starts at once, as the closed model means.
 *
 * Neither k6 nor Locust back off by themselves: k6 loops without delay unless `--min-iteration-duration`
 * is set (default 0, and then it paces every iteration) and Locust's default wait_time is 0 since 1.4.
 * A pause for every iteration would change what a closed model measures while the target works; pacing
 * only failed iterations in a row leaves working runs as they were and bounds the broken ones.
 */
import type { Clock } from './clock.ts';

export interface BackoffRule {
  /** the floor of the first failed iteration in a row */
  firstMs: number;
  /** the highest floor, reached after a few failures in a row */
  maxMs: number;
}

export const FAST_FAIL_RULE: BackoffRule = { firstMs: 10, maxMs: 1000 };

/** the counter of failed iterations shorter than their floor, after which the VU paused */
export const FAST_FAILED_ITERATIONS = 'fastFailedIterations';

/** how an iteration ended, as its runner tells the closed model (a runner that says nothing worked) */
export type IterationEnd = 'worked' | 'failed';

/** One VU's back-off: `started()` as an iteration begins, `pauseAfter(failed)` once it has ended. */
export class FastFailBackoff {
  private startedAt = 0;
  /** failed iterations in a row */
  private streak = 0;

  constructor(
    private readonly clock: Pick<Clock, 'now'>,
    private readonly rule: BackoffRule = FAST_FAIL_RULE,
  ) {}

  started(): void {
    this.startedAt = this.clock.now();
  }

  /** ms to wait before the next iteration; 0 after one that worked or that outlasted its floor */
  pauseAfter(failed: boolean): number {
    if (!failed) {
      this.streak = 0;
      return 0;
    }
    const floor = Math.min(this.rule.maxMs, this.rule.firstMs * 2 ** Math.min(this.streak, 30));
    this.streak += 1;
    return Math.max(0, floor - (this.clock.now() - this.startedAt));
  }
}
