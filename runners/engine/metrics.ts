/**
 * The metrics accumulator (vegeta lib/metrics.go: Add then Close): every request, check, iteration,
 * custom counter and trend goes in through add*; close() returns one plain record. Times are
 * performance.now() values; anything intended before the end of the warm-up stays out of the summary
 * but is kept in the per-second series.
 */
import { createHistogram, type Histogram, recordMs } from '../../results/histogram.ts';
import type { ErrorClass } from '../../results/schema.ts';
import { SecondBuckets, type SecondPoint } from './second-buckets.ts';

export interface StepCounts {
  requests: number;
  errors: Record<string, number>;
}

/** What one accumulator (one thread) measured; plain data, histograms still live. */
export interface Accumulated {
  requests: number;
  errors: number;
  errorsByClass: Record<string, number>;
  iterations: number;
  droppedIterations: number;
  response: Histogram;
  service: Histogram;
  scheduleLag: Histogram;
  checks: Record<string, { passes: number; fails: number }>;
  steps: Record<string, StepCounts>;
  servedBy: Record<string, number>;
  counters: Record<string, number>;
  trends: Record<string, Histogram>;
  series: SecondPoint[];
}

export interface AccumulatorOptions {
  startAt: number;
  warmupMs: number;
  /** attach encoded per-second histograms to series points (worker threads) */
  encodeSeconds?: boolean;
  onSecond?: (point: SecondPoint) => void;
}

export class MetricsAccumulator {
  /** message of the first exception a flow threw, to explain a flowErrors counter */
  firstFlowError: string | undefined;
  private readonly data: Accumulated;
  private readonly buckets: SecondBuckets;
  private readonly measuredFrom: number;
  private sealed = false;

  constructor(private readonly options: AccumulatorOptions) {
    this.measuredFrom = options.startAt + options.warmupMs;
    this.buckets = new SecondBuckets(
      options.warmupMs,
      options.encodeSeconds ?? false,
      (point) => options.onSecond?.(point),
      (second) => this.data.response.add(second),
    );
    this.data = {
      requests: 0,
      errors: 0,
      errorsByClass: {},
      iterations: 0,
      droppedIterations: 0,
      response: createHistogram(),
      service: createHistogram(),
      scheduleLag: createHistogram(),
      checks: {},
      steps: {},
      servedBy: {},
      counters: {},
      trends: {},
      series: this.buckets.points,
    };
  }

  addRequest(
    step: string,
    intendedAt: number,
    sentAt: number,
    doneAt: number,
    errorClass: ErrorClass | undefined,
    servedBy: string | undefined,
  ): void {
    if (this.sealed) return;
    const measured = intendedAt >= this.measuredFrom;
    // the response time goes into this second's histogram; the summary's gets it when the second ends
    this.buckets.add(doneAt - this.options.startAt, doneAt - intendedAt, errorClass, measured, servedBy);
    if (!measured) return;
    const data = this.data;
    data.requests += 1;
    recordMs(data.service, doneAt - sentAt);
    recordMs(data.scheduleLag, sentAt - intendedAt);
    let stepCounts = data.steps[step];
    if (!stepCounts) {
      stepCounts = { requests: 0, errors: {} };
      data.steps[step] = stepCounts;
    }
    stepCounts.requests += 1;
    if (errorClass !== undefined) {
      data.errors += 1;
      data.errorsByClass[errorClass] = (data.errorsByClass[errorClass] ?? 0) + 1;
      stepCounts.errors[errorClass] = (stepCounts.errors[errorClass] ?? 0) + 1;
    }
    if (servedBy !== undefined) data.servedBy[servedBy] = (data.servedBy[servedBy] ?? 0) + 1;
  }

  addCheck(name: string, passed: boolean, intendedAt: number): void {
    if (this.sealed || intendedAt < this.measuredFrom) return;
    let check = this.data.checks[name];
    if (!check) {
      check = { passes: 0, fails: 0 };
      this.data.checks[name] = check;
    }
    if (passed) check.passes += 1;
    else check.fails += 1;
  }

  addIteration(intendedAt: number): void {
    if (!this.sealed && intendedAt >= this.measuredFrom) this.data.iterations += 1;
  }

  addDropped(intendedAt: number): void {
    if (intendedAt >= this.measuredFrom) this.data.droppedIterations += 1;
  }

  count(name: string, amount: number, intendedAt: number): void {
    if (this.sealed || intendedAt < this.measuredFrom) return;
    this.data.counters[name] = (this.data.counters[name] ?? 0) + amount;
    this.buckets.count(intendedAt - this.options.startAt, name, amount);
  }

  trend(name: string, ms: number, intendedAt: number): void {
    if (this.sealed || intendedAt < this.measuredFrom) return;
    let histogram = this.data.trends[name];
    if (!histogram) {
      histogram = createHistogram();
      this.data.trends[name] = histogram;
    }
    recordMs(histogram, ms);
  }

  /** Called about once a second: finalizes the seconds that are over. */
  tick(now: number): void {
    this.buckets.advanceTo(Math.floor((now - this.options.startAt) / 1000));
  }

  /** Stops accepting records (iterations still running after the run are not counted). */
  seal(): void {
    this.sealed = true;
  }

  close(): Accumulated {
    this.buckets.flush();
    return this.data;
  }
}
