/**
 * The metrics accumulator (vegeta lib/metrics.go: Add then Close): every request, check, iteration,
 * custom counter and trend goes in through add*; close() returns one plain record. Times are
 * performance.now() values; anything intended before the end of the warm-up stays out of the summary
 * but is kept in the per-second series.
 */
import { createHistogram, type Histogram, recordMs } from '../../results/histogram.ts';
import type { Phase } from '../../results/phases.ts';
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
  /** request phases of the responses; null when the client measured none */
  phases: Record<Phase, Histogram> | null;
}

/** What addPhases reads of a result (HttpResult's phase fields). */
export interface PhaseTimes {
  connecting?: number;
  tlsHandshaking?: number;
  waiting?: number;
  receiving?: number;
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
  /** phases of requests that waited for no connect or handshake (reused connections): added at close */
  private reusedConnections = 0;

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
      phases: null,
    };
  }

  private startPhases(): Record<Phase, Histogram> {
    const phases = {
      connecting: createHistogram(),
      tlsHandshaking: createHistogram(),
      waiting: createHistogram(),
      receiving: createHistogram(),
    };
    this.data.phases = phases;
    return phases;
  }

  /**
   * Records a response's request phases (ms). A reused connection's zero connect and handshake are
   * counted, not recorded one by one, and go into the histograms at close (k6 reports those zeros too).
   */
  addPhases(intendedAt: number, times: PhaseTimes): void {
    const waiting = times.waiting;
    if (this.sealed || waiting === undefined || intendedAt < this.measuredFrom) return;
    const phases = this.data.phases ?? this.startPhases();
    const connecting = times.connecting ?? 0;
    const handshaking = times.tlsHandshaking ?? 0;
    if (connecting > 0 || handshaking > 0) {
      recordPhaseMs(phases.connecting, connecting);
      recordPhaseMs(phases.tlsHandshaking, handshaking);
    } else {
      this.reusedConnections += 1;
    }
    recordPhaseMs(phases.waiting, waiting);
    recordPhaseMs(phases.receiving, times.receiving ?? 0);
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
    this.buckets.add(
      doneAt - this.options.startAt,
      doneAt - intendedAt,
      errorClass !== undefined,
      measured,
      servedBy,
    );
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
    const phases = this.data.phases;
    if (phases && this.reusedConnections > 0) {
      phases.connecting.recordValueWithCount(0, this.reusedConnections);
      phases.tlsHandshaking.recordValueWithCount(0, this.reusedConnections);
      this.reusedConnections = 0;
    }
    return this.data;
  }
}

/** A phase's duration: 0 stays 0 (a phase that did not happen), anything else as recordMs. */
function recordPhaseMs(histogram: Histogram, ms: number): void {
  if (ms > 0) recordMs(histogram, ms);
  else histogram.recordValue(0);
}
