/**
 * A variant's target: an external service by URL, the experiment's compose stack (`--stack docker`), or
 * the built-in target's processes with the variant's knobs, clones, workers and server size; and the
 * size its servers ran at, as results record it.
 */
import type { DockerStack, VariantResult } from '../../results/schema.ts';
import { externalTarget, isExternalTarget } from '../../targets/external/external-target.ts';
import { findTarget } from '../../targets/registry.ts';
import type { RunningTarget } from '../../targets/target.ts';
import { startDockerTarget } from './docker-target.ts';
import type { VariantPlan } from './variant-plan.ts';

export async function startTarget(
  plan: VariantPlan,
  signal?: AbortSignal,
): Promise<{ target: RunningTarget; stack?: DockerStack }> {
  if (isExternalTarget(plan.experiment.target)) return { target: externalTarget(plan.experiment.target) };
  if (plan.stack === 'docker') {
    return startDockerTarget(plan.experiment.target, plan.variant, {
      ...(plan.server ? { server: plan.server } : {}),
      ...databaseSize(plan),
      ...(signal ? { signal } : {}),
      ...(plan.env ? { env: plan.env } : {}),
    });
  }
  const definition = findTarget(plan.experiment.target);
  const target = await definition.start({
    variant: plan.variant.params,
    logDir: plan.logDir,
    ...(plan.variant.clones === undefined ? {} : { clones: plan.variant.clones }),
    ...(plan.variant.workers === undefined ? {} : { workers: plan.variant.workers }),
    ...(plan.variant.env === undefined ? {} : { env: plan.variant.env }),
    ...(plan.server ? { server: plan.server } : {}),
    ...databaseSize(plan),
  });
  return { target };
}

/** the experiment's own database size (compiled away when --server-size set every server's) */
function databaseSize(plan: VariantPlan): { databaseCpus?: number } {
  return plan.databaseCpus === undefined ? {} : { databaseCpus: plan.databaseCpus };
}

/** the server size that ran: only built-in targets (local processes or containers) are sized */
export function sizedServer(plan: VariantPlan): Pick<VariantResult, 'server'> {
  if (!plan.server || isExternalTarget(plan.experiment.target)) return {};
  const { model, size, label } = plan.server;
  return { server: { model, size, label } };
}
