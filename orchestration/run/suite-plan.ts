/**
 * What a suite run is asked to do (SuiteRequest: the flags and the experiments as defined) and what that
 * compiles to before anything starts (SuitePlan, compile-suite.ts): the variants each profile runs and
 * searches, in order, each with its trial load, fault times and capacity search in ms and its server
 * size and knobs checked, and how long each is expected to take (the plan line's ETA). Everything that
 * runs reads the plan and parses nothing again.
 */
import type { LoadTemplate } from '../../load-model/plan/load-plan.ts';
import type { ExperimentDefinition, ProfileName, VariantDefinition } from '../../scenarios/types.ts';
import type { ServerSizeRequest } from '../../targets/sizing/server-size.ts';
import { type CapacityPlan, TARGET_WARMUP_MS } from './capacity-plan.ts';
import type { FaultPlan } from './fault-schedule.ts';
import type { LoadedExperiment } from './load-config.ts';
import { stepLengthMs } from './step-length.ts';
import { trialLength } from './trial-load.ts';

export interface SuiteRequest {
  experiments: LoadedExperiment[];
  profile: ProfileName;
  /** what the run is called where it differs from the profile ('workshop'): the plan's title says it */
  label?: string;
  trials: number;
  /** --find-capacity (true), --no-find-capacity (false), else the profile decides (undefined) */
  findCapacity: boolean | undefined;
  logDir: string;
  /** where the environment fingerprint (git commit) is read */
  cwd: string;
  /** variant names to run; empty: all */
  variants: string[];
  stack?: 'local' | 'docker';
  /** the size of every server process of the targets (--server-size); default: each experiment's own */
  serverSize?: ServerSizeRequest;
  options: Record<string, unknown>;
  /** --rate: every experiment's variants are compared at this fixed rate instead of one from capacity */
  rate?: number;
  /** --rate-fraction: the share of the smallest capacity the variants are compared at (default 0.7) */
  rateFraction?: number;
  /** where REDIS_URL / DATABASE_URL / AMQP_URL are read for the service check (default process.env) */
  env?: Record<string, string | undefined>;
}

/** one variant that runs, compiled */
export interface QueueItem {
  experiment: ExperimentDefinition;
  variant: VariantDefinition;
  /** its trials' load at the profile's rate, the variant's flowParams in (the target's URL set when it runs) */
  trial: LoadTemplate;
  /** its faults (or the experiment's), timed from the start of the measured part */
  faults: FaultPlan[];
  /** its capacity search, when this run searches it */
  capacity?: CapacityPlan;
  /** --server-size, else the experiment's serverSize, else DEFAULT_SERVER_CPUS CPUs */
  server: ServerSizeRequest;
  /** the experiment's own database size, unless --server-size set every server's */
  databaseCpus?: number;
  /** the replica's apply delay, for a variant that runs one (its env sets REPLICA_APPLY_DELAY_MS) */
  replicaDelayMs?: number;
}

export interface SuitePlan extends Omit<SuiteRequest, 'experiments' | 'serverSize'> {
  /** the selected experiments' names: their results are kept in this order */
  experiments: string[];
  /** every variant selected and in the profile, in the order they run */
  queue: QueueItem[];
}

/** the quick profile skips variants marked quick: false, unless they were named with --variant */
export function inProfile(
  variant: VariantDefinition,
  plan: Pick<SuiteRequest, 'profile' | 'variants'>,
): boolean {
  return plan.profile !== 'quick' || variant.quick !== false || plan.variants.includes(variant.name);
}

/**
 * Whether a variant's capacity is searched: always with --find-capacity, never with --no-find-capacity;
 * otherwise in the full profile for every
 * variant; in the default profile for the variants that carry the headline, and in the quick one too
 * unless the search says `quick: false`.
 */
export function searchesCapacity(
  experiment: ExperimentDefinition,
  variant: VariantDefinition,
  profile: ProfileName,
  findCapacity: boolean | undefined,
): boolean {
  if (!experiment.capacity || findCapacity === false) return false;
  if (findCapacity || profile === 'full') return true;
  if (profile === 'quick' && experiment.capacity.quick === false) return false;
  return experiment.capacity.headline?.includes(variant.name) === true;
}

/** Seconds one variant is expected to take: trials × (warm-up + duration + start/stop overhead). */
export function variantSeconds(item: Pick<QueueItem, 'trial'>, trials: number): number {
  return trials * (trialLength(item.trial).seconds + 1) + 2;
}

/** Seconds a capacity search is expected to take: about six steps of warm-up + step + settling. */
export function capacitySeconds(capacity: CapacityPlan): number {
  // a step measures 500 requests or 2 s (step-length.ts); flows make about 1.5 requests an iteration
  const measuredMs = stepLengthMs(capacity.startRate, 1.5, capacity.stepMs, capacity.search.minStep);
  const stepMs = measuredMs + capacity.step.warmupMs + 600;
  return Math.round((6 * stepMs + TARGET_WARMUP_MS) / 1000);
}

/** the queue's items grouped by experiment, in the queue's order */
export function byExperiment(queue: readonly QueueItem[]): QueueItem[][] {
  const groups = new Map<string, QueueItem[]>();
  for (const item of queue) {
    const group = groups.get(item.experiment.name) ?? [];
    group.push(item);
    groups.set(item.experiment.name, group);
  }
  return [...groups.values()];
}
