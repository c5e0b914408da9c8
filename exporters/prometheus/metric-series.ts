/**
 * The Prometheus series a run's live events make, with k6-compatible names under a `scalebench_`
 * prefix: `scalebench_http_reqs_total`, `scalebench_http_req_duration_p50|p90|p99` (seconds, as k6's
 * trend stats), `scalebench_http_req_failed_rate`, `scalebench_iterations_total`, one
 * `scalebench_<counter>_total` per correctness counter (sessions_lost, stale_reads, jobs_lost, ...) and one
 * `scalebench_target_<name>` gauge per sampled target figure (queue depth, replica lag). Labels:
 * experiment, variant, trial and step (`measured` for a trial, `capacity-<rate>` for a capacity step).
 * Counters follow the measured seconds live; a finished trial sets them to the results file's exact totals.
 * A gRPC run's requests are calls: the same series named `scalebench_grpc_reqs_total`,
 * `scalebench_grpc_req_duration_p50|p90|p99` (k6's grpc_req_duration), `scalebench_grpc_req_failed_rate`
 * and `scalebench_grpc_req_errors_total` (label `class`: the status name), with
 * `scalebench_grpc_bytes_sent_total` and the others from its counters.
 */
import type { LiveEvent, LiveTotals } from '../../results/live-events.ts';

export const METRIC_PREFIX = 'scalebench_';

/** every name this module can produce, `<counter>` and `<name>` standing for a counter's or a figure's */
export const METRIC_NAMES = [
  'scalebench_http_reqs_total',
  'scalebench_http_req_failed_rate',
  'scalebench_http_req_duration_p50',
  'scalebench_http_req_duration_p90',
  'scalebench_http_req_duration_p99',
  'scalebench_http_req_errors_total',
  'scalebench_grpc_reqs_total',
  'scalebench_grpc_req_failed_rate',
  'scalebench_grpc_req_duration_p50',
  'scalebench_grpc_req_duration_p90',
  'scalebench_grpc_req_duration_p99',
  'scalebench_grpc_req_errors_total',
  'scalebench_iterations_total',
  'scalebench_dropped_iterations_total',
  'scalebench_<counter>_total',
  'scalebench_target_<name>',
] as const;

export type Labels = Record<string, string>;

export interface MetricSample {
  labels: Labels & { __name__: string };
  value: number;
}

/** sessionsLost → sessions_lost; anything but [a-z0-9_] becomes _ */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');
}

interface TrialState {
  labels: Labels;
  /** the requests are gRPC calls */
  grpc: boolean;
  requests: number;
  errors: number;
  errorsByClass: Record<string, number>;
  correctness: Record<string, number>;
  iterations: number | undefined;
  dropped: number | undefined;
  latency: { p50: number; p90: number | undefined; p99: number } | undefined;
  sampled: Record<string, number>;
}

/** Keeps the latest value of every series; `samples()` lists them for a push. */
export class MetricSeries {
  private readonly trials = new Map<string, TrialState>();
  private readonly steps = new Map<string, MetricSample[]>();

  add(event: LiveEvent): void {
    switch (event.type) {
      case 'second': {
        const state = this.trial(event.experiment, event.variant, event.trial);
        const point = event.point;
        if (point.requests > 0) {
          state.latency = { p50: point.p50, p90: point.p90, p99: point.p99 };
        }
        if (point.warmup) return;
        state.requests += point.requests;
        state.errors += point.errors;
        for (const [name, count] of Object.entries(point.errorsByClass ?? {})) {
          state.errorsByClass[name] = (state.errorsByClass[name] ?? 0) + count;
        }
        for (const [name, count] of Object.entries(point.counters ?? {})) {
          state.correctness[name] = (state.correctness[name] ?? 0) + count;
        }
        return;
      }
      case 'sample': {
        const state = this.trial(event.experiment, event.variant, event.trial);
        Object.assign(state.sampled, event.values);
        return;
      }
      case 'trial-start':
        if (event.protocol === 'grpc') this.trial(event.experiment, event.variant, event.trial).grpc = true;
        return;
      case 'trial-done':
        this.settle(this.trial(event.experiment, event.variant, event.trial), event.totals);
        return;
      case 'capacity-step': {
        const labels = {
          experiment: event.experiment,
          variant: event.variant,
          trial: 'capacity',
          step: `capacity-${event.rate}`,
        };
        this.steps.set(`${event.experiment}/${event.variant}/${event.rate}`, [
          { labels: { __name__: 'scalebench_http_req_duration_p99', ...labels }, value: event.p99Ms / 1000 },
          { labels: { __name__: 'scalebench_http_req_failed_rate', ...labels }, value: event.errorRate },
        ]);
        return;
      }
      default:
        return;
    }
  }

  samples(): MetricSample[] {
    return [...[...this.trials.values()].flatMap(trialSamples), ...[...this.steps.values()].flat()];
  }

  private trial(experiment: string, variant: string, trial: number): TrialState {
    const key = `${experiment}/${variant}/${trial}`;
    let state = this.trials.get(key);
    if (!state) {
      state = {
        labels: { experiment, variant, trial: String(trial), step: 'measured' },
        grpc: false,
        requests: 0,
        errors: 0,
        errorsByClass: {},
        correctness: {},
        iterations: undefined,
        dropped: undefined,
        latency: undefined,
        sampled: {},
      };
      this.trials.set(key, state);
    }
    return state;
  }

  /** a finished trial: the results file's exact figures replace the running ones */
  private settle(state: TrialState, totals: LiveTotals): void {
    state.requests = totals.requests;
    state.errors = totals.errors;
    state.errorsByClass = { ...totals.errorsByClass };
    state.correctness = { ...totals.correctness };
    state.iterations = totals.iterations;
    state.dropped = totals.droppedIterations;
    state.latency = { p50: totals.p50, p90: totals.p90, p99: totals.p99 };
  }
}

function trialSamples(state: TrialState): MetricSample[] {
  const sample = (name: string, value: number, extra: Labels = {}): MetricSample => ({
    labels: { __name__: name, ...state.labels, ...extra },
    value,
  });
  const kind = state.grpc ? 'grpc' : 'http';
  const out = [
    sample(`scalebench_${kind}_reqs_total`, state.requests),
    sample(`scalebench_${kind}_req_failed_rate`, state.requests > 0 ? state.errors / state.requests : 0),
  ];
  for (const [name, count] of Object.entries(state.errorsByClass)) {
    out.push(sample(`scalebench_${kind}_req_errors_total`, count, { class: name }));
  }
  if (state.latency) {
    out.push(sample(`scalebench_${kind}_req_duration_p50`, state.latency.p50 / 1000));
    if (state.latency.p90 !== undefined) {
      out.push(sample(`scalebench_${kind}_req_duration_p90`, state.latency.p90 / 1000));
    }
    out.push(sample(`scalebench_${kind}_req_duration_p99`, state.latency.p99 / 1000));
  }
  if (state.iterations !== undefined) out.push(sample('scalebench_iterations_total', state.iterations));
  if (state.dropped !== undefined) out.push(sample('scalebench_dropped_iterations_total', state.dropped));
  for (const [name, count] of Object.entries(state.correctness)) {
    out.push(sample(`${METRIC_PREFIX}${snakeCase(name)}_total`, count));
  }
  for (const [name, value] of Object.entries(state.sampled)) {
    out.push(sample(`${METRIC_PREFIX}target_${snakeCase(name)}`, value));
  }
  return out;
}
