/**
 * Per-second series, bucketed by completion time: one open bucket at a time, finalized into a
 * SeriesPoint when its second is over (so memory stays flat however long the run). The second's
 * histogram of measured requests is then added to the summary's, so each response time is recorded
 * once on the hot path.
 */
import {
  createHistogram,
  encodeHistogram,
  type Histogram,
  percentileMs,
  recordMs,
} from '../../results/histogram.ts';
import type { ErrorClass, SeriesPoint } from '../../results/schema.ts';

/** A finished second; `histogram` (encoded) only when asked for, so workers can merge exactly. */
export interface SecondPoint extends SeriesPoint {
  histogram?: string;
}

export class SecondBuckets {
  private second = 0;
  private requests = 0;
  private errors = 0;
  /** this second's responses per instance (x-served-by), allocated on the first named response */
  private servedBy: Record<string, number> | undefined;
  /** this second's flow counters (sessionsLost, staleReads, ...), allocated on the first count */
  private counters: Record<string, number> | undefined;
  /** this second's errors by class, allocated on the first error */
  private errorsByClass: Record<string, number> | undefined;
  /** this second's measured requests, handed to onMeasured when the second is over */
  private readonly measured: Histogram = createHistogram();
  /** this second's warm-up requests (only around the end of the warm-up) */
  private readonly warmup: Histogram = createHistogram();
  readonly points: SecondPoint[] = [];

  constructor(
    private readonly warmupMs: number,
    private readonly encode: boolean,
    private readonly onPoint: (point: SecondPoint) => void,
    /** receives each finished second's measured histogram (the summary adds it: one record per request) */
    private readonly onMeasured: (histogram: Histogram) => void = () => {},
  ) {}

  add(
    offsetMs: number,
    responseMs: number,
    errorClass: ErrorClass | undefined,
    measured = true,
    servedBy?: string,
  ): void {
    this.advanceTo(Math.floor(offsetMs / 1000));
    this.requests += 1;
    if (errorClass !== undefined) {
      this.errors += 1;
      this.errorsByClass ??= {};
      this.errorsByClass[errorClass] = (this.errorsByClass[errorClass] ?? 0) + 1;
    }
    if (servedBy !== undefined) {
      this.servedBy ??= {};
      this.servedBy[servedBy] = (this.servedBy[servedBy] ?? 0) + 1;
    }
    recordMs(measured ? this.measured : this.warmup, responseMs);
  }

  /** A failure that is not a request (a WebSocket or event stream lost while no message was awaited). */
  fail(offsetMs: number, errorClass: ErrorClass): void {
    this.advanceTo(Math.floor(offsetMs / 1000));
    this.errors += 1;
    this.errorsByClass ??= {};
    this.errorsByClass[errorClass] = (this.errorsByClass[errorClass] ?? 0) + 1;
  }

  /** A flow counter at `offsetMs` (an earlier second still open lands in the current one). */
  count(offsetMs: number, name: string, amount: number): void {
    this.advanceTo(Math.floor(offsetMs / 1000));
    this.counters ??= {};
    this.counters[name] = (this.counters[name] ?? 0) + amount;
  }

  /** A new histogram: `summary` plus the measured responses of the second still open. */
  copyMeasured(summary: Histogram): Histogram {
    const copy = createHistogram();
    copy.add(summary);
    copy.add(this.measured);
    return copy;
  }

  /** Finalizes every second before `second`. */
  advanceTo(second: number): void {
    while (this.second < second) this.finalize();
  }

  /** Finalizes the open second too (end of run), if anything happened in it. */
  flush(): void {
    if (this.requests > 0 || this.errors > 0) this.finalize();
  }

  private finalize(): void {
    this.onMeasured(this.measured);
    let all = this.measured;
    if (this.warmup.totalCount > 0) {
      this.warmup.add(this.measured);
      all = this.warmup;
    }
    const point: SecondPoint = {
      second: this.second,
      warmup: this.second * 1000 < this.warmupMs,
      requests: this.requests,
      errors: this.errors,
      p50: percentileMs(all, 50),
      p90: percentileMs(all, 90),
      p99: percentileMs(all, 99),
    };
    if (this.errorsByClass) point.errorsByClass = this.errorsByClass;
    if (this.servedBy) point.servedBy = this.servedBy;
    if (this.counters) point.counters = this.counters;
    if (this.encode) point.histogram = encodeHistogram(all);
    this.points.push(point);
    this.onPoint(point);
    this.measured.reset();
    this.warmup.reset();
    this.requests = 0;
    this.errors = 0;
    this.servedBy = undefined;
    this.counters = undefined;
    this.errorsByClass = undefined;
    this.second += 1;
  }
}
