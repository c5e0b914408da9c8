/**
 * Synthetic but realistic results files for report and compare tests: the four experiments (clones,
 * caching, async, database) with real encoded HdrHistograms built from generated latencies, per-second
 * series, counters, correctness counts, extra series and faults. Deterministic for a given seed.
 */

import { join } from 'node:path';
import { type Random, seededRandom } from '../../core/seeded-random.ts';
import { normal } from '../../reports/compare/random.ts';
import { writeResultsFile } from '../../results/files.ts';
import {
  createHistogram,
  encodeHistogram,
  type Histogram,
  recordMs,
  summarizeHistogram,
} from '../../results/histogram.ts';
import { poolTrials } from '../../results/pool-trials.ts';
import {
  type BenchResults,
  type Environment,
  type ResultsFile,
  type RunResult,
  SCHEMA_VERSION,
  type SeriesPoint,
  type SuiteResults,
  type Summary,
  type ThresholdOutcome,
  type TrialResult,
} from '../../results/schema.ts';
import {
  type ExperimentProfile,
  experimentProfiles,
  type VariantProfile,
} from './results-fixture-profiles.ts';

export interface FixtureOptions {
  /** trials per variant (default 5) */
  trials?: number;
  seed?: number;
  /** added to every generated latency, ms: a slower candidate */
  addedDelayMs?: number;
  /** relative trial-to-trial noise of the latency level (default 0.03) */
  trialNoise?: number;
  complete?: boolean;
  /** experiment names to include (default: all four) */
  experiments?: string[];
  /** measured seconds per trial (default 20) */
  seconds?: number;
  environment?: Partial<Environment>;
}

const WARMUP_SECONDS = 3;

export const fixtureEnvironment: Environment = {
  scalebenchVersion: '0.1.0',
  nodeVersion: 'v20.20.2',
  os: 'linux 6.1.0',
  arch: 'x64',
  cpuModel: 'Synthetic CPU @ 3.0GHz',
  cores: 2,
  totalMemoryBytes: 8_589_934_592,
  gitCommit: 'd95a7a1',
};

function percentileOf(sorted: number[], percentile: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((percentile / 100) * sorted.length))]!;
}

interface TrialContext {
  random: Random;
  addedDelayMs: number;
  trialFactor: number;
  seconds: number;
}

function generateRun(profile: VariantProfile, ctx: TrialContext): RunResult & { requests: number } {
  const response = createHistogram();
  const service = createHistogram();
  const lag: Histogram = createHistogram();
  const series: SeriesPoint[] = [];
  let requests = 0;
  let errors = 0;
  for (let second = 0; second < WARMUP_SECONDS + ctx.seconds; second += 1) {
    const warmup = second < WARMUP_SECONDS;
    const slow = profile.slowdown?.(second) ?? 1;
    const count = Math.max(1, Math.round(profile.rate * (1 + 0.04 * normal(ctx.random))));
    const latencies: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const ms = profile.p50Ms * ctx.trialFactor * slow * Math.exp(profile.sigma * normal(ctx.random));
      latencies.push(ms + ctx.addedDelayMs);
    }
    latencies.sort((a, b) => a - b);
    const secondErrors = Math.round(count * profile.errorRate * slow);
    series.push({
      second,
      warmup,
      requests: count,
      errors: secondErrors,
      p50: percentileOf(latencies, 50),
      p99: percentileOf(latencies, 99),
    });
    if (warmup) continue;
    requests += count;
    errors += secondErrors;
    for (const ms of latencies) {
      recordMs(response, ms);
      recordMs(service, ms * 0.93);
      recordMs(lag, 0.05 + ctx.random() * 0.4);
    }
  }
  const summary: Summary = {
    durationSeconds: ctx.seconds,
    requests,
    errors,
    errorsByClass: errors > 0 ? { status_5xx: errors } : {},
    iterations: requests,
    droppedIterations: profile.targetRate
      ? Math.max(0, (profile.targetRate - profile.rate) * ctx.seconds)
      : 0,
    achievedRate: requests / ctx.seconds,
    targetRate: profile.targetRate,
    latency: {
      response: summarizeHistogram(response),
      service: summarizeHistogram(service),
      scheduleLag: summarizeHistogram(lag),
    },
    checks: { 'status is 200': { passes: requests - errors, fails: errors } },
    steps: [],
    servedBy: profile.servedBy?.(requests) ?? {},
    valid: true,
    invalidReasons: [],
  };
  const histograms = {
    response: encodeHistogram(response),
    service: encodeHistogram(service),
    scheduleLag: encodeHistogram(lag),
  };
  return { summary, histograms, series, requests };
}

function buildTrial(profile: VariantProfile, trial: number, ctx: TrialContext): TrialResult {
  const { requests, ...run } = generateRun(profile, ctx);
  const extraSeries: Record<string, number[]> = {};
  for (const [name, valueAt] of Object.entries(profile.extraSeries)) {
    extraSeries[name] = run.series.map((point) =>
      valueAt({ second: point.second, progress: Math.max(0, point.second - WARMUP_SECONDS) / ctx.seconds }),
    );
  }
  return {
    ...run,
    trial,
    counters: profile.counters(requests),
    correctness: profile.correctness(requests),
    extraSeries,
    faults: profile.faults,
  };
}

function thresholdsFor(trials: TrialResult[]): ThresholdOutcome[] {
  const p95 = Math.max(...trials.map((trial) => trial.summary.latency.response.p99));
  const errorRate = Math.max(
    ...trials.map((trial) => trial.summary.errors / Math.max(1, trial.summary.requests)),
  );
  return [
    { metric: 'http_req_duration', expression: 'p(99)<200', actual: p95, passed: p95 < 200 },
    { metric: 'http_req_failed', expression: 'rate<0.01', actual: errorRate, passed: errorRate < 0.01 },
  ];
}

function buildExperiment(profile: ExperimentProfile, options: Required<FixtureOptions>, random: Random) {
  return {
    name: profile.name,
    title: profile.title,
    variants: profile.variants.map((variant) => {
      const trials = Array.from({ length: options.trials }, (_, trial) =>
        buildTrial(variant, trial, {
          random,
          addedDelayMs: options.addedDelayMs,
          trialFactor: 1 + options.trialNoise * normal(random),
          seconds: options.seconds,
        }),
      );
      return {
        name: variant.name,
        params: variant.params,
        balancer: variant.balancer,
        trials,
        thresholds: thresholdsFor(trials),
        capacity: null,
      };
    }),
  };
}

function withDefaults(options: FixtureOptions): Required<FixtureOptions> {
  return {
    trials: options.trials ?? 5,
    seed: options.seed ?? 1,
    addedDelayMs: options.addedDelayMs ?? 0,
    trialNoise: options.trialNoise ?? 0.03,
    complete: options.complete ?? true,
    experiments: options.experiments ?? experimentProfiles.map((profile) => profile.name),
    seconds: options.seconds ?? 20,
    environment: options.environment ?? {},
  };
}

export function buildSuiteFixture(options: FixtureOptions = {}): SuiteResults {
  const resolved = withDefaults(options);
  const random = seededRandom(resolved.seed);
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'suite',
    createdAt: '2025-01-01T12:00:00.000Z',
    profile: 'full',
    complete: resolved.complete,
    options: { trials: resolved.trials },
    environment: { ...fixtureEnvironment, ...resolved.environment },
    experiments: experimentProfiles
      .filter((profile) => resolved.experiments.includes(profile.name))
      .map((profile) => buildExperiment(profile, resolved, random)),
  };
}

export function buildBenchFixture(options: FixtureOptions = {}): BenchResults {
  const resolved = withDefaults(options);
  const random = seededRandom(resolved.seed);
  const profile = experimentProfiles[1]!.variants[1]!;
  const { requests: _requests, ...run } = generateRun(profile, {
    random,
    addedDelayMs: resolved.addedDelayMs,
    trialFactor: 1,
    seconds: resolved.seconds,
  });
  return {
    ...run,
    schemaVersion: SCHEMA_VERSION,
    kind: 'bench',
    createdAt: '2025-01-01T12:00:00.000Z',
    options: { url: 'http://127.0.0.1:8080/products/1', rate: 300, duration: '20s' },
    environment: { ...fixtureEnvironment, ...resolved.environment },
  };
}

/** Writes a fixture to `dir/name` and returns its path. */
export async function writeFixture(dir: string, name: string, results: ResultsFile): Promise<string> {
  const path = join(dir, name);
  await writeResultsFile(path, results);
  return path;
}

/** A `bench --trials N` file: N bench fixtures (seeds seed…seed+N−1) as trials, pooled on top. */
export function buildBenchTrialsFixture(options: FixtureOptions = {}): BenchResults {
  const trialCount = options.trials ?? 5;
  const seed = options.seed ?? 1;
  const trials = Array.from({ length: trialCount }, (_, trial) => {
    const run = buildBenchFixture({ ...options, seed: seed + trial });
    return {
      trial,
      startedAt: run.createdAt,
      summary: run.summary,
      histograms: run.histograms,
      series: run.series,
    };
  });
  const first = buildBenchFixture({ ...options, seed });
  return { ...first, ...poolTrials(trials), options: { ...first.options, trials: trialCount }, trials };
}
