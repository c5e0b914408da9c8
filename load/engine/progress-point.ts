/** What onSecond receives: the finished second plus running totals, for progress lines and live charts. */

import type { LoadPlan } from '../../load-model/plan/load-plan.ts';
import type { LivePoint } from '../../results/live-events.ts';
import type { SeriesPoint } from '../../results/schema.ts';
import { targetRate } from './build-outcome.ts';

export type ProgressPoint = LivePoint;

export class ProgressTracker {
  private totalRequests = 0;
  private totalErrors = 0;
  private readonly target: number | null;

  constructor(
    options: LoadPlan,
    private readonly onSecond: ((point: ProgressPoint) => void) | undefined,
  ) {
    this.target = targetRate(options);
  }

  add(point: SeriesPoint): void {
    this.totalRequests += point.requests;
    this.totalErrors += point.errors;
    if (!this.onSecond) return;
    // the second as it is (servedBy, counters, errorsByClass included), without a worker's histogram
    const { histogram: _histogram, ...second } = point as SeriesPoint & { histogram?: string };
    this.onSecond({
      ...second,
      elapsedSeconds: point.second + 1,
      totalRequests: this.totalRequests,
      totalErrors: this.totalErrors,
      targetRate: this.target,
    });
  }
}
