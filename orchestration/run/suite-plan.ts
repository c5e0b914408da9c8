/**
 * What a suite run is asked to do, and what it derives from that before anything starts: the variants
 * each profile runs and searches, the plan each variant phase gets (target, size, stack), and how long
 * each is expected to take (the plan line's ETA).
 */
import { durationMs } from '../../load-model/duration.ts';
import type { ExperimentDefinition, ProfileName, VariantDefinition } from '../../scenarios/types.ts';
import { profileLoad } from '../../scenarios/types.ts';
import { resolveServerSize } from '../../targets/sizing/confine.ts';
import {
  DEFAULT_SERVER_CPUS,
  parseServerSize,
  type ServerSizeRequest,
} from '../../targets/sizing/server-size.ts';
import { containerServerSize } from '../stack/container-size.ts';
import { TARGET_WARMUP_MS } from './capacity.ts';
import type { LoadedExperiment } from './load-config.ts';
import type { VariantPlan } from './run-variant.ts';
import { stepLengthMs } from './step-length.ts';

export interface SuitePlan {
  experiments: LoadedExperiment[];
  profile: ProfileName;
  /** what the run is called where it differs from the profile ('workshop'): the plan's title says it */
  label?: string;
  trials: number;
  findCapacity: boolean;
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

export interface QueueItem {
  experiment: ExperimentDefinition;
  variant: VariantDefinition;
  baseDir: string;
}

/** the quick profile skips variants marked quick: false, unless they were named with --variant */
export function inProfile(variant: VariantDefinition, plan: SuitePlan): boolean {
  return plan.profile !== 'quick' || variant.quick !== false || plan.variants.includes(variant.name);
}

/**
 * Whether a variant's capacity is searched: always with --find-capacity; in the full profile for every
 * variant; in the default profile for the variants that carry the headline, and in the quick one too
 * unless the search says `quick: false`.
 */
export function searchesCapacity(
  experiment: ExperimentDefinition,
  variant: VariantDefinition,
  profile: ProfileName,
  findCapacity: boolean,
): boolean {
  if (!experiment.capacity) return false;
  if (findCapacity || profile === 'full') return true;
  if (profile === 'quick' && experiment.capacity.quick === false) return false;
  return experiment.capacity.headline?.includes(variant.name) === true;
}

/** Seconds one variant is expected to take: trials × (warm-up + duration + start/stop overhead). */
export function variantSeconds(
  experiment: ExperimentDefinition,
  profile: ProfileName,
  trials: number,
): number {
  const load = profileLoad(experiment, profile);
  const executor = load.executor;
  const runMs =
    'duration' in executor
      ? (durationMs(executor.duration) ?? 0)
      : executor.stages.reduce((sum, stage) => sum + (durationMs(stage.duration) ?? 0), 0);
  return trials * ((runMs + (durationMs(load.warmup) ?? 0)) / 1000 + 1) + 2;
}

/** Seconds a capacity search is expected to take: about six steps of warm-up + step + settling. */
export function capacitySeconds(experiment: ExperimentDefinition, variant?: VariantDefinition): number {
  const search = experiment.capacity;
  if (!search) return 0;
  // a step measures 500 requests or 2 s (step-length.ts); flows make about 1.5 requests an iteration
  const start = variant?.capacityStartRate ?? search.startRate;
  const measuredMs = stepLengthMs(start, 1.5, durationMs(search.stepDuration) ?? 0, search.minStep);
  const stepMs = measuredMs + (durationMs(search.warmup ?? '500ms') ?? 0) + 600;
  return Math.round((6 * stepMs + TARGET_WARMUP_MS) / 1000);
}

export const searches = (plan: SuitePlan, item: QueueItem) =>
  searchesCapacity(item.experiment, item.variant, plan.profile, plan.findCapacity);

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

/** what every phase of a variant shares: its target, size, stack and logs */
export async function variantPlan(
  plan: SuitePlan,
  { experiment, variant, baseDir }: QueueItem,
): Promise<VariantPlan> {
  return {
    experiment,
    variant,
    profile: plan.profile,
    trials: plan.trials,
    findCapacity: false,
    logDir: plan.logDir,
    server:
      plan.stack === 'docker'
        ? containerServerSize(serverRequest(plan, experiment))
        : await resolveServerSize(serverRequest(plan, experiment)),
    baseDir,
    ...(plan.serverSize ? { serverOverridden: true } : {}),
    ...(plan.stack ? { stack: plan.stack } : {}),
    ...(plan.env ? { env: plan.env } : {}),
  };
}

/** --server-size, else the experiment's serverSize, else DEFAULT_SERVER_CPUS CPUs */
function serverRequest(plan: SuitePlan, experiment: ExperimentDefinition): ServerSizeRequest {
  if (plan.serverSize) return plan.serverSize;
  return experiment.serverSize
    ? parseServerSize(experiment.serverSize)
    : { kind: 'cpus', cpus: DEFAULT_SERVER_CPUS };
}
