/**
 * A report's view of a results file: experiments → variants with per-trial metrics reduced to means,
 * medians and confidence intervals. A bench file becomes one experiment with one single-trial variant,
 * so every format handles both kinds the same way.
 */
import { decodeHistogram, type Histogram, mergeHistograms } from '../../results/histogram.ts';
import { MIN_HOST_IDLE } from '../../results/host-bound.ts';
import type {
  CapacityStepResult,
  ExperimentResult,
  FaultEvent,
  PhaseHistograms,
  ResultsFile,
  SeriesPoint,
  ServerRecord,
  SkippedVariant,
  StepStats,
  ThresholdOutcome,
  TrialResult,
  VariantResult,
} from '../../results/schema.ts';
import { mergeStepStats } from '../../results/step-stats.ts';
import { type VariantVerdict, variantVerdict } from '../../results/variant-verdicts.ts';
import { describe, type MetricStats } from './stats.ts';

export interface VariantView {
  experiment: string;
  name: string;
  params: Record<string, string | number>;
  balancer: string | null;
  trials: number;
  p50: MetricStats;
  p90: MetricStats;
  p99: MetricStats;
  throughput: MetricStats;
  errorRate: MetricStats;
  requests: number;
  errors: number;
  /** summed over trials */
  counters: Record<string, number>;
  /** summed over trials */
  correctness: Record<string, number>;
  /** cacheHits / (cacheHits + cacheMisses) when the target reported both */
  hitRatio: number | null;
  servedBy: Record<string, number>;
  valid: boolean;
  invalidReasons: string[];
  thresholds: ThresholdOutcome[];
  capacity: number | null;
  /** the capacity search never broke the SLO: `capacity` is a floor, not the limit */
  capacityCapped: boolean;
  /** the SLO the capacity held, host idle at its knee, and whether the host was saturated there or in a trial */
  slo: { p99Ms: number; errorRate: number } | null;
  hostIdleAtKnee: number | null;
  hostBound: boolean;
  /** the capacity's knee was measured on a saturated host */
  kneeHostBound: boolean;
  /** a trial ran on a saturated host */
  trialsHostBound: boolean;
  /** the server model that ran, e.g. 'cgroup v1 cpu quota 0.25 CPU'; null in older files */
  server: string | null;
  /** each server process: model, size and CPU used at the knee; empty in older files */
  servers: ServerRecord[];
  /** the read replica's apply delay (database experiment), null where none ran */
  replicaDelayMs: number | null;
  /** the rate the trials were driven at and its share of the capacity found; null where unknown */
  load: NonNullable<VariantResult['load']> | null;
  clones: number | null;
  /** the first trial's timeline, for over-time charts */
  series: SeriesPoint[];
  extraSeries: Record<string, number[]>;
  faults: FaultEvent[];
  /** response-time histograms of every trial, encoded */
  encodedResponse: string[];
  /** the flow's custom latencies (e.g. acceptMs, jobLatencyMs): p50 and p99 over trials */
  trends: Record<string, { p50: MetricStats; p99: MetricStats }>;
  /** request phase histograms of the trials that have them */
  encodedPhases: PhaseHistograms[];
  /** the wire protocol the trials spoke (http/1.1, h2, h2c); null in older files */
  protocol: string | null;
  /** per step (request name or target), every trial merged exactly */
  steps: StepStats[];
  /** measured seconds summed over trials, for each step's rate */
  seconds: number;
  /** correctness with its evidence, errors outside fault windows, whether a ✓ may stand beside it */
  verdict: VariantVerdict;
  /** every step of the capacity search, in the order they ran (empty when none ran) */
  capacitySteps: CapacityStepResult[];
  /** the rate the trials were driven at (mean of their target rates); null for closed models */
  drivenRate: number | null;
}

export interface ExperimentView {
  name: string;
  title: string;
  variants: VariantView[];
  /** variants that did not run: a backend they need is missing */
  skipped: SkippedVariant[];
  /** the one rate the variants were compared at and how it was chosen (absent in older files) */
  comparison?: NonNullable<ExperimentResult['comparison']>;
}

export interface ReportView {
  kind: ResultsFile['kind'];
  complete: boolean;
  createdAt: string;
  experiments: ExperimentView[];
}

function sumRecords(records: readonly Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const record of records) {
    for (const [key, value] of Object.entries(record)) out[key] = (out[key] ?? 0) + value;
  }
  return out;
}

function hitRatioOf(counters: Record<string, number>): number | null {
  const hits = counters['cacheHits'];
  const misses = counters['cacheMisses'];
  if (hits === undefined || misses === undefined || hits + misses === 0) return null;
  return hits / (hits + misses);
}

export function variantView(experiment: string, variant: VariantResult): VariantView {
  const trials = variant.trials;
  const latency = (pick: (trial: TrialResult) => number) => describe(trials.map(pick));
  const counters = sumRecords(trials.map((trial) => trial.counters));
  const requests = trials.reduce((sum, trial) => sum + trial.summary.requests, 0);
  const kneeIdle = heldStepIdle(variant);
  return {
    experiment,
    name: variant.name,
    params: variant.params,
    balancer: variant.balancer,
    trials: trials.length,
    p50: latency((trial) => trial.summary.latency.response.p50),
    p90: latency((trial) => trial.summary.latency.response.p90),
    p99: latency((trial) => trial.summary.latency.response.p99),
    throughput: latency((trial) => trial.summary.achievedRate),
    errorRate: latency((trial) => trial.summary.errors / Math.max(1, trial.summary.requests)),
    requests,
    errors: trials.reduce((sum, trial) => sum + trial.summary.errors, 0),
    counters,
    correctness: sumRecords(trials.map((trial) => trial.correctness)),
    hitRatio: hitRatioOf(counters),
    servedBy: sumRecords(trials.map((trial) => trial.summary.servedBy)),
    valid: trials.every((trial) => trial.summary.valid),
    invalidReasons: [...new Set(trials.flatMap((trial) => trial.summary.invalidReasons))],
    thresholds: variant.thresholds,
    capacity: variant.capacity,
    capacityCapped: variant.capped === true,
    slo: variant.slo ?? null,
    hostIdleAtKnee: kneeIdle,
    hostBound: variant.hostBound === true,
    kneeHostBound: kneeIdle !== null && kneeIdle < MIN_HOST_IDLE,
    trialsHostBound: trials.some((trial) => trial.host?.hostBound === true),
    server: variant.server?.label ?? null,
    servers: variant.servers ?? [],
    replicaDelayMs: variant.replicaDelayMs ?? null,
    load: variant.load ?? null,
    clones: variant.clones ?? null,
    series: trials[0]?.series ?? [],
    extraSeries: trials[0]?.extraSeries ?? {},
    faults: trials[0]?.faults ?? [],
    encodedResponse: trials.map((trial) => trial.histograms.response),
    trends: trendStats(trials),
    encodedPhases: trials.flatMap((trial) => (trial.phaseHistograms ? [trial.phaseHistograms] : [])),
    protocol: trials.find((trial) => trial.protocol !== undefined)?.protocol ?? null,
    steps: mergeStepStats(trials.map((trial) => trial.summary.steps)),
    seconds: trials.reduce((sum, trial) => sum + trial.summary.durationSeconds, 0),
    verdict: variantVerdict(variant),
    capacitySteps: variant.capacitySteps ?? [],
    drivenRate: drivenRateOf(trials),
  };
}

function drivenRateOf(trials: readonly TrialResult[]): number | null {
  const rates = trials.flatMap((trial) =>
    trial.summary.targetRate === null ? [] : [trial.summary.targetRate],
  );
  return rates.length === 0 ? null : rates.reduce((a, b) => a + b, 0) / rates.length;
}

/**
 * Host idle at the knee from the step the capacity HELD (the last passing step at the capacity's rate),
 * not from a failing step above it; the recorded figure when the steps are not in the file.
 */
export function heldStepIdle(
  variant: Pick<VariantResult, 'capacity' | 'capacitySteps' | 'hostIdleAtKnee'>,
): number | null {
  const held = (variant.capacitySteps ?? [])
    .filter((step) => step.ok && step.rate === variant.capacity)
    .at(-1);
  if (held) return held.hostIdle;
  return variant.hostIdleAtKnee ?? null;
}

function trendStats(trials: readonly TrialResult[]): VariantView['trends'] {
  const names = [...new Set(trials.flatMap((trial) => Object.keys(trial.trends ?? {})))];
  return Object.fromEntries(
    names.map((name) => {
      const present = trials.flatMap((trial) => (trial.trends?.[name] ? [trial.trends[name].stats] : []));
      return [name, { p50: describe(present.map((s) => s.p50)), p99: describe(present.map((s) => s.p99)) }];
    }),
  );
}

/**
 * the flow's trends by name, sorted: the order the flow first recorded them in varies from run to run.
 * The engine's own WebSocket and event-stream trends (ws_connecting, sse_first_event, …, and their
 * tagged copies for thresholds) stay in the results file, out of the flow's tables and takeaway.
 */
export function trendKeys(experiment: ExperimentView): string[] {
  const names = experiment.variants.flatMap((variant) => Object.keys(variant.trends));
  const own = names.filter((name) => !name.startsWith('ws_') && !name.startsWith('sse_'));
  return [...new Set(own)].sort();
}

function benchAsVariant(results: Extract<ResultsFile, { kind: 'bench' }>): VariantResult {
  const trial: TrialResult = {
    summary: results.summary,
    histograms: results.histograms,
    ...(results.phaseHistograms ? { phaseHistograms: results.phaseHistograms } : {}),
    ...(results.protocol ? { protocol: results.protocol } : {}),
    series: results.series,
    trial: 0,
    counters: {},
    correctness: {},
    extraSeries: {},
    faults: [],
  };
  return { name: 'run', params: {}, balancer: null, trials: [trial], thresholds: [], capacity: null };
}

export function buildReportView(results: ResultsFile): ReportView {
  if (results.kind === 'bench') {
    const url = typeof results.options['url'] === 'string' ? ` ${results.options['url']}` : '';
    return {
      kind: 'bench',
      complete: true,
      createdAt: results.createdAt,
      experiments: [
        {
          name: 'bench',
          title: `Bench${url}`,
          variants: [variantView('bench', benchAsVariant(results))],
          skipped: [],
        },
      ],
    };
  }
  return {
    kind: 'suite',
    complete: results.complete,
    createdAt: results.createdAt,
    experiments: results.experiments.map((experiment) => ({
      name: experiment.name,
      title: experiment.title,
      variants: experiment.variants.map((variant) => variantView(experiment.name, variant)),
      skipped: experiment.skipped ?? [],
      ...(experiment.comparison ? { comparison: experiment.comparison } : {}),
    })),
  };
}

/** All trials of a variant merged into one response-time histogram (exact, not averaged percentiles). */
export function mergedResponseHistogram(variant: VariantView): Histogram {
  return mergeHistograms(variant.encodedResponse.map(decodeHistogram));
}

/** Names of the correctness counts reported anywhere in an experiment, in first-seen order. */
export function correctnessKeys(experiment: ExperimentView): string[] {
  return [...new Set(experiment.variants.flatMap((variant) => Object.keys(variant.correctness)))];
}
