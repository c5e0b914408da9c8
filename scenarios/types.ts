/**
 * Experiments as data: which target, which variants, the load model per profile (k6-shaped executor
 * options), the flow a virtual user runs, k6-style thresholds, a fault schedule, the target figures
 * sampled each second, and an optional capacity search. Users add their own in scalebench.config.ts.
 */
import type { DurationInput, ExecutorConfig, FlowRef, SaturationThresholds } from '../load-model/types.ts';

/** quick: 1 short trial; default (no flag): 3 trials of 6 s; full: 5 trials of 30 s */
export type ProfileName = 'quick' | 'default' | 'full';

export interface FaultStep {
  /** when, counted from the start of the measured part (after warm-up) */
  at: DurationInput;
  action: 'kill' | 'restart';
  kind: 'clone' | 'worker';
  index: number;
}

export interface LoadProfile {
  executor: ExecutorConfig;
  warmup: DurationInput;
}

/** k6 thresholds: metric → expressions, e.g. { http_req_duration: ['p(99)<500'], sessionsLost: ['count==0'] } */
export type Thresholds = Record<string, string[]>;

export interface VariantDefinition {
  /** short name shown in reports, e.g. 'stateless-2' */
  name: string;
  /** one plain line for an audience: 'sessions in process memory, 4 clones, round-robin balancer' */
  description?: string;
  /** target knobs, e.g. { session: 'redis', affinity: 'none' } */
  params: Record<string, string>;
  clones?: number;
  workers?: number;
  /** replaces the experiment's faults for this variant when given */
  faults?: FaultStep[];
  /** added to the experiment's thresholds */
  thresholds?: Thresholds;
  /** extra environment for the target processes */
  env?: Record<string, string>;
  /** over the experiment's flowParams for this variant's trials (e.g. { notify: 'ws' }) */
  flowParams?: Record<string, unknown>;
  /** false: the quick profile leaves this variant out unless it is named with --variant (default true) */
  quick?: boolean;
  /** where this variant's capacity search starts, over the experiment's startRate (a bigger variant
   * starts higher and skips steps it would hold anyway) */
  capacityStartRate?: number;
}

/**
 * The capacity search: the rate grows (×2 from startRate, at most maxRate) while the SLO holds, then
 * bisects between the last rate that held and the first that broke.
 */
export interface CapacitySearch {
  startRate: number;
  /** the search's resolution: bisection stops at this gap, and rates are multiples of it */
  step: number;
  maxRate: number;
  /** bisection also stops when the gap is at most this share of the rate that held (default 0.1) */
  precision?: number;
  /** rate multiplier while growing (default 2) */
  growth?: number;
  /** how many times a marginally broken step is measured again before it counts (default 1) */
  confirmBreaks?: number;
  /** measure the rate found a second time before it counts (default true) */
  confirmKnee?: boolean;
  /**
   * the least a step measures: requests (default 500) and ms (default 2000), whichever takes longer, so
   * its p99 is a percentile (orchestration/run/step-length.ts); tests of the stepping set less
   */
  minStep?: { requests: number; ms: number };
  /** flow parameters for the search's steps, over the experiment's (e.g. do not wait for queued jobs) */
  flowParams?: Record<string, unknown>;
  stepDuration: DurationInput;
  /** run before each step at its rate and left out of its figures (default 500ms): a cold start is no SLO breach */
  warmup?: DurationInput;
  slo: { p99Ms: number; errorRate: number };
  /**
   * the variants whose capacity carries the experiment's headline: the quick and default profiles search
   * only these (all variants with --find-capacity or the full profile); default: all
   */
  headline?: string[];
  /** false: --quick searches none of them (its minutes go elsewhere); the default profile still does */
  quick?: boolean;
}

export interface ExperimentDefinition {
  name: string;
  title: string;
  /** one paragraph: the seed's lesson and what the data should show */
  description: string;
  /** name in the target registry: clones, caching, async, database, or a URL for an external service */
  target: string;
  variants: VariantDefinition[];
  /** the default profile, when not given, is the full one (an experiment of your own) */
  profiles: Record<'quick' | 'full', LoadProfile> & { default?: LoadProfile };
  flow: FlowRef;
  flowParams?: Record<string, unknown>;
  thresholds?: Thresholds;
  faults?: FaultStep[];
  /** flow counters reported even when they stay at zero (e.g. sessionsLost), so thresholds can test them */
  counters?: string[];
  /** target counters sampled once a second into the trial's extraSeries (e.g. queueDepth, replicaLagMs) */
  sample?: string[];
  capacity?: CapacitySearch;
  /**
   * the size of each server process of the target (see targets/sizing/server-size.ts): CPUs ('0.25'),
   * 'workers=N' or 'none'; `run --server-size` overrides it; default DEFAULT_SERVER_CPUS
   */
  serverSize?: string;
  /**
   * CPUs of a database server the target starts for itself (caching's PostgreSQL) when servers are
   * sized; default: the server size. `run --server-size` sets both.
   */
  databaseCpus?: number;
  /** per-request timeout (default 10s) */
  timeout?: DurationInput;
  /** the most body bytes kept per response for the flow's checks and captures (default 4 MiB) */
  maxBody?: number;
  /** when a trial counts as invalid because the generator saturated (default: schedule lag p99 > 10 ms, event-loop delay p99 > 50 ms) */
  saturation?: SaturationThresholds;
}

export interface ScalebenchConfig {
  experiments: ExperimentDefinition[];
}

/** Typed identity for scalebench.config.ts: `export default defineConfig({ experiments: [...] })`. */
export function defineConfig(config: ScalebenchConfig): ScalebenchConfig {
  return config;
}

export function defineExperiment(experiment: ExperimentDefinition): ExperimentDefinition {
  return experiment;
}

/** The load profile an experiment runs in `profile`: the default one falls back to the full one. */
export function profileLoad(
  experiment: Pick<ExperimentDefinition, 'profiles'>,
  profile: ProfileName,
): LoadProfile {
  return profile === 'default'
    ? (experiment.profiles.default ?? experiment.profiles.full)
    : experiment.profiles[profile];
}
