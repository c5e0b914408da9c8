/**
 * Per-second series, bucketed by completion time: one open bucket at a time, finalized into a
 * SeriesPoint when its second is over (so memory stays flat however long the run).
 */
import {
  createHistogram,
  encodeHistogram,
  type Histogram,
  percentileMs,
  recordMs,
} from '../../results/histogram.ts';
import type { SeriesPoint } from '../../results/schema.ts';

/** A finished second; `histogram` (encoded) only when asked for, so workers can merge exactly. */
export interface SecondPoint extends SeriesPoint {
  histogram?: string;
}

export class SecondBuckets {
  private second = 0;
  private requests = 0;
  private errors = 0;
  private readonly histogram: Histogram = createHistogram();
  readonly points: SecondPoint[] = [];

  constructor(
    private readonly warmupMs: number,
    private readonly encode: boolean,
    private readonly onPoint: (point: SecondPoint) => void,
  ) {}

  add(offsetMs: number, responseMs: number, error: boolean): void {
    this.advanceTo(Math.floor(offsetMs / 1000));
    this.requests += 1;
    if (error) this.errors += 1;
    recordMs(this.histogram, responseMs);
  }

  /** Finalizes every second before `second`. */
  advanceTo(second: number): void {
    while (this.second < second) this.finalize();
  }

  /** Finalizes the open second too (end of run), if anything happened in it. */
  flush(): void {
    if (this.requests > 0) this.finalize();
  }

  private finalize(): void {
    const point: SecondPoint = {
      second: this.second,
      warmup: this.second * 1000 < this.warmupMs,
      requests: this.requests,
      errors: this.errors,
      p50: percentileMs(this.histogram, 50),
      p99: percentileMs(this.histogram, 99),
    };
    if (this.encode) point.histogram = encodeHistogram(this.histogram);
    this.points.push(point);
    this.onPoint(point);
    this.histogram.reset();
    this.requests = 0;
    this.errors = 0;
    this.second += 1;
  }
}
