/** What onSecond receives: the finished second plus running totals, for progress lines and live charts. */

import type { LoadRunOptions } from '../../load-model/types.ts';
import type { SeriesPoint } from '../../results/schema.ts';
import { targetRate } from './build-outcome.ts';

export interface ProgressPoint extends SeriesPoint {
  /** seconds since the start, warm-up included */
  elapsedSeconds: number;
  totalRequests: number;
  totalErrors: number;
  /** planned iterations per second over the run (null: closed model) */
  targetRate: number | null;
}

export class ProgressTracker {
  private totalRequests = 0;
  private totalErrors = 0;
  private readonly target: number | null;

  constructor(
    options: LoadRunOptions,
    private readonly onSecond: ((point: ProgressPoint) => void) | undefined,
  ) {
    this.target = targetRate(options);
  }

  add(point: SeriesPoint): void {
    this.totalRequests += point.requests;
    this.totalErrors += point.errors;
    this.onSecond?.({
      second: point.second,
      warmup: point.warmup,
      requests: point.requests,
      errors: point.errors,
      p50: point.p50,
      p99: point.p99,
      elapsedSeconds: point.second + 1,
      totalRequests: this.totalRequests,
      totalErrors: this.totalErrors,
      targetRate: this.target,
    });
  }
}
