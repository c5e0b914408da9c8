/**
 * What a run tells the outside while it works, one record per happening and at most a few per second:
 * the progress lines, the live dashboard, the Prometheus pusher and `events.ndjson` (the stream written
 * beside the results, which `scalebench report --dashboard` replays) all read these records.
 */
import type { FaultEvent, SeriesPoint, Summary } from './schema.ts';

/** a finished second of load plus running totals (warm-up included in `elapsedSeconds`) */
export interface LivePoint extends SeriesPoint {
  /** seconds since the start, warm-up included */
  elapsedSeconds: number;
  totalRequests: number;
  totalErrors: number;
  /** planned iterations per second over the run (null: closed model) */
  targetRate: number | null;
}

/** the figures of one finished trial (or bench run), exact: what the results file records */
export interface LiveTotals {
  requests: number;
  errors: number;
  errorsByClass: Record<string, number>;
  iterations: number;
  droppedIterations: number;
  /** response time of the measured part */
  p50: number;
  p90: number;
  p99: number;
  /** the experiment's correctness counters (sessionsLost, staleReads, jobsLost, rywViolations, ...) */
  correctness: Record<string, number>;
}

export type LiveEventBody =
  /** what will run: sent once, first */
  | {
      type: 'plan';
      command: 'run' | 'bench';
      title: string;
      variants: { experiment: string; variant: string }[];
      trials: number;
      etaSeconds: number;
      /** the profile that runs ('workshop': the page switches to projector sizes) */
      profile?: string;
      /** per experiment, how its comparison rate is set: 'rate from capacity', '7/s declared', '20/s (--rate)' */
      rates?: Record<string, string>;
    }
  | {
      type: 'variant-start';
      experiment: string;
      variant: string;
      index: number;
      total: number;
      etaSeconds: number;
      /** one plain line of what the variant is ("sessions in process memory, round-robin balancer") */
      description?: string;
    }
  | { type: 'target-ready'; experiment: string; variant: string; url: string; balancer: string | null }
  | {
      type: 'trial-start';
      experiment: string;
      variant: string;
      trial: number;
      trials: number;
      /** the experiment's correctness counters, to show from zero (absent: none declared) */
      counters?: string[];
      /** the trial's planned length: warm-up and measured part, in seconds (absent: unknown) */
      warmupSeconds?: number;
      seconds?: number;
      /** 'grpc': the requests are gRPC calls (bench grpc://); absent: HTTP */
      protocol?: 'grpc';
    }
  | { type: 'second'; experiment: string; variant: string; trial: number; point: LivePoint }
  /** target figures sampled once a second (queue depth, replica lag, ...); `elapsedSeconds` as in points */
  | {
      type: 'sample';
      experiment: string;
      variant: string;
      trial: number;
      elapsedSeconds: number;
      values: Record<string, number>;
    }
  /** a fault injected (or failed to be); `elapsedSeconds` counts from the trial's start, warm-up included */
  | ({
      type: 'fault';
      experiment: string;
      variant: string;
      trial: number;
      elapsedSeconds: number;
    } & Pick<FaultEvent, 'atSeconds' | 'kind' | 'detail'>)
  | { type: 'trial-done'; experiment: string; variant: string; trial: number; totals: LiveTotals }
  | {
      type: 'capacity-step';
      experiment: string;
      variant: string;
      rate: number;
      p99Ms: number;
      errorRate: number;
      ok: boolean;
      hostIdle: number | null;
      generatorCores: number;
      broken?: string;
      /** a small miss, measured again before it counts (a break by far counts at once) */
      marginal?: boolean;
    }
  /** a capacity search begins: the SLO every step is judged by */
  | {
      type: 'capacity-start';
      experiment: string;
      variant: string;
      slo: { p99Ms: number; errorRate: number };
      startRate: number;
    }
  /** a capacity search ended: what results.json records (capacity null: no rate held the SLO) */
  | {
      type: 'capacity-done';
      experiment: string;
      variant: string;
      capacity: number | null;
      /** the search reached its highest rate with the SLO held: capacity is a floor */
      capped: boolean;
      slo: { p99Ms: number; errorRate: number };
      hostIdleAtKnee: number | null;
    }
  | {
      type: 'variant-done';
      experiment: string;
      variant: string;
      failedThresholds: number;
      valid: boolean;
      /**
       * what must not be missed, one line each (results/variant-verdicts.ts verdictLines): correctness as
       * failed/judged with its interval or "not enough evidence", thresholds judged on too little, errors
       * over 1% outside fault windows; absent in older event files
       */
      verdicts?: string[];
      /** a plain ✓ may stand beside the variant (variantVerdict().clean); absent in older event files */
      clean?: boolean;
    }
  | { type: 'warning'; message: string }
  /** the rate an experiment's variants are compared at, once its capacity searches are done */
  | {
      type: 'comparison-rate';
      experiment: string;
      rate: number;
      derivation: 'fixed' | 'from-capacity';
      reason: string;
    }
  /** variants left out before anything started: a backend they need is missing */
  | { type: 'variants-skipped'; variants: string[]; reason: string; remedy: string }
  /** the run is over and its results are written; the last record */
  | {
      type: 'run-done';
      complete: boolean;
      /** the results file's name, relative to the folder of events.ndjson */
      results?: string;
    };

/** one line of events.ndjson: the record and when it happened, in ms since the run started */
export type LiveEvent = LiveEventBody & { t: number };

export const EVENTS_FILE_NAME = 'events.ndjson';

/** A finished trial's (or bench run's) exact figures, from its summary and correctness counters. */
export function liveTotals(summary: Summary, correctness: Record<string, number> = {}): LiveTotals {
  const response = summary.latency.response;
  return {
    requests: summary.requests,
    errors: summary.errors,
    errorsByClass: summary.errorsByClass,
    iterations: summary.iterations,
    droppedIterations: summary.droppedIterations,
    p50: response.p50,
    p90: response.p90,
    p99: response.p99,
    correctness,
  };
}
