/**
 * The metrics accumulator (vegeta lib/metrics.go: Add then Close): every request, check, iteration,
 * custom counter and trend goes in through add*; close() returns one plain record. Times are
 * performance.now() values; anything intended before the end of the warm-up stays out of the summary
 * but is kept in the per-second series.
 */
import { createHistogram, type Histogram, mergeHistograms, recordMs } from '../../results/histogram.ts';
import type { Phase } from '../../results/phases.ts';
import type { ErrorClass } from '../../results/schema.ts';
import { StepNames } from '../../results/step-names.ts';
import { SecondBuckets, type SecondPoint } from './second-buckets.ts';

/** One step (request name or target): counts and its own response and service histograms. */
export interface StepMetrics {
  name: string;
  requests: number;
  errors: Record<string, number>;
  /**
   * While a thread has seen one step only, its response times are the summary's (recorded once per
   * request, by the per-second buckets): undefined until a second step appears, then a copy of what the
   * summary holds so far, recorded into from there on.
   */
  response: Histogram | undefined;
  service: Histogram;
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
  /** by step index (StepNames order); the summary's service histogram is the merge of theirs */
  steps: StepMetrics[];
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
  private readonly stepNames = new StepNames();
  private readonly buckets: SecondBuckets;
  /** clock time the measured part begins (the end of the warm-up) */
  readonly measuredFrom: number;
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
      steps: [],
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

  /**
   * The index of a step name, for addRequest: look it up once per request definition where the name is
   * fixed (a target of `bench`), per request where a flow passes it. Dynamic parts are grouped and the
   * number of names is bounded (results/step-names.ts).
   */
  stepIndex(name: string): number {
    const index = this.stepNames.indexOf(name);
    if (index === this.data.steps.length) this.addStep(this.stepNames.names[index]!);
    return index;
  }

  private addStep(name: string): void {
    const steps = this.data.steps;
    // the first step stops sharing the summary's histogram: it gets what the summary holds so far
    if (steps.length === 1) steps[0]!.response = this.buckets.copyMeasured(this.data.response);
    steps.push({
      name,
      requests: 0,
      errors: {},
      response: steps.length === 0 ? undefined : createHistogram(),
      service: createHistogram(),
    });
  }

  addRequest(
    step: number,
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
    recordMs(data.scheduleLag, sentAt - intendedAt);
    const stepMetrics = data.steps[step]!;
    stepMetrics.requests += 1;
    recordMs(stepMetrics.service, doneAt - sentAt);
    if (stepMetrics.response !== undefined) recordMs(stepMetrics.response, doneAt - intendedAt);
    if (errorClass !== undefined) {
      data.errors += 1;
      data.errorsByClass[errorClass] = (data.errorsByClass[errorClass] ?? 0) + 1;
      stepMetrics.errors[errorClass] = (stepMetrics.errors[errorClass] ?? 0) + 1;
    }
    if (servedBy !== undefined) data.servedBy[servedBy] = (data.servedBy[servedBy] ?? 0) + 1;
  }

  /**
   * A failure that is no request's: a WebSocket session or event stream that failed or was lost while
   * nothing was awaited on it. It counts in errors (total, by class, of the step, per second) without a
   * request or a latency, so for such runs errors may exceed requests.
   */
  addFailure(step: number, at: number, errorClass: ErrorClass): void {
    if (this.sealed || at < this.measuredFrom) return;
    this.buckets.fail(at - this.options.startAt, errorClass);
    const data = this.data;
    data.errors += 1;
    data.errorsByClass[errorClass] = (data.errorsByClass[errorClass] ?? 0) + 1;
    const stepMetrics = data.steps[step]!;
    stepMetrics.errors[errorClass] = (stepMetrics.errors[errorClass] ?? 0) + 1;
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

  /** whether what was due at `intendedAt` is in the measured part (kept), not the warm-up's or after the end */
  measures(intendedAt: number): boolean {
    return !this.sealed && intendedAt >= this.measuredFrom;
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
    const data = this.data;
    const only = data.steps.length === 1 ? data.steps[0]! : undefined;
    if (only && only.response === undefined) only.response = data.response;
    data.service = mergeHistograms(data.steps.map((step) => step.service));
    return data;
  }
}

/** A phase's duration: 0 stays 0 (a phase that did not happen), anything else as recordMs. */
function recordPhaseMs(histogram: Histogram, ms: number): void {
  if (ms > 0) recordMs(histogram, ms);
  else histogram.recordValue(0);
}
