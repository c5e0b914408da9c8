/**
 * What one phase of a variant runs with (its capacity search, its trials): the variant as compiled, and
 * what only this machine and the phases before it can tell — the server size its target gets here, the
 * capacity hint from a smaller fleet, the rate its experiment compares at, the capacity measured.
 */
import type { VariantResult } from '../../results/schema.ts';
import { resolveServerSize } from '../../targets/sizing/confine.ts';
import type { ServerSize } from '../../targets/sizing/server-size.ts';
import { containerServerSize } from '../stack/container-size.ts';
import type { CapacityHint } from './capacity-hint.ts';
import type { SuiteEvent } from './events.ts';
import type { QueueItem, SuitePlan } from './suite-plan.ts';

export interface VariantPlan extends Omit<QueueItem, 'server'> {
  trials: number;
  findCapacity: boolean;
  logDir: string;
  /** where targets run: local processes (default) or the experiment's Docker Compose stack */
  stack?: 'local' | 'docker';
  /** the declared size of each server process (or container) of the target; default: unlimited */
  server?: ServerSize;
  /** the environment docker stacks read (DOCKER_HOST, SCALEBENCH_BASE_IMAGE, ...); default process.env */
  env?: Record<string, string | undefined>;
  /** where the capacity search starts when a smaller fleet of the store was measured (capacity-hint.ts) */
  capacityHint?: CapacityHint;
  /** the rate the trials run at when the experiment's comparison rate replaces the profile's */
  rate?: { rate: number; derivation: 'fixed' | 'from-capacity' };
  /** what this variant's capacity search found before its trials (run-suite.ts measures capacities first) */
  measured?: CapacityFields;
}

/** what a capacity search adds to a variant's result */
export type CapacityFields = Partial<
  Pick<
    VariantResult,
    'capacity' | 'capped' | 'slo' | 'hostIdleAtKnee' | 'hostBound' | 'capacitySteps' | 'servers'
  >
>;

export interface VariantHooks {
  signal?: AbortSignal;
  emit?: (event: SuiteEvent) => void;
  /** called after each trial with what is known so far, so partial results reach the disk */
  onPartial?: (partial: VariantResult) => Promise<void>;
}

/** what every phase of a variant shares: its compiled load, its target's size here, stack and logs */
export async function variantPlan(plan: SuitePlan, { server, ...item }: QueueItem): Promise<VariantPlan> {
  return {
    ...item,
    trials: plan.trials,
    findCapacity: false,
    logDir: plan.logDir,
    server: plan.stack === 'docker' ? containerServerSize(server) : await resolveServerSize(server),
    ...(plan.stack ? { stack: plan.stack } : {}),
    ...(plan.env ? { env: plan.env } : {}),
  };
}
