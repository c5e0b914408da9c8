/** A variant's capacity search on its running target: where the experiment's SLO breaks, and the host's share. */
import type { TrialResult } from '../../results/schema.ts';
import { isExternalTarget } from '../../targets/external/external-target.ts';
import type { RunningTarget } from '../../targets/target.ts';
import { findCapacity } from './capacity.ts';
import { serverRecords } from './server-cpu.ts';
import type { CapacityFields, VariantHooks, VariantPlan } from './variant-plan.ts';

export async function searchCapacity(
  plan: VariantPlan,
  target: RunningTarget,
  trials: readonly TrialResult[],
  hooks: VariantHooks,
): Promise<CapacityFields> {
  const { experiment, variant, capacity } = plan;
  if (!capacity) return {};
  const names = { experiment: experiment.name, variant: variant.name };
  const { slo } = capacity.search;
  hooks.emit?.({ type: 'capacity-start', ...names, slo, startRate: capacity.startRate });
  const found = await findCapacity(target, capacity, {
    signal: hooks.signal,
    onStep: (step) => hooks.emit?.({ type: 'capacity-step', ...names, ...step }),
    ...(plan.capacityHint ? { hint: plan.capacityHint } : {}),
    requestsPerIteration: requestsPerIteration(trials),
  });
  // an interrupted search has not found where the SLO breaks
  if (hooks.signal?.aborted) return {};
  hooks.emit?.({
    type: 'capacity-done',
    ...names,
    capacity: found.capacity,
    capped: found.capped,
    slo,
    hostIdleAtKnee: found.hostIdleAtKnee,
  });
  return {
    capacity: found.capacity,
    capped: found.capped,
    slo,
    hostIdleAtKnee: found.hostIdleAtKnee,
    ...(found.hostBound ? { hostBound: true } : {}),
    capacitySteps: found.steps,
    ...(isExternalTarget(experiment.target)
      ? {}
      : { servers: serverRecords(target.instances(), found.knee?.servers) }),
  };
}

/** what the variant's trials made per iteration: the first capacity step's length is planned with it */
function requestsPerIteration(trials: readonly TrialResult[]): number {
  const requests = trials.reduce((sum, trial) => sum + trial.summary.requests, 0);
  const iterations = trials.reduce((sum, trial) => sum + trial.summary.iterations, 0);
  return iterations > 0 ? requests / iterations : 1;
}
