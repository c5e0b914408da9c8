/**
 * Before any target starts: the backends each queued variant needs (its target says which), each probed
 * once — found, startable (a private Redis or embedded PostgreSQL), or missing. A variant whose backend is
 * missing is skipped with the reason and the remedy; it is an error instead (exit 2, before any load)
 * when the user named the variant (--variant) or set the backend's URL (REDIS_URL, DATABASE_URL,
 * AMQP_URL), which must answer.
 */
import { ScalebenchError } from '../../core/errors.ts';
import type { SkippedVariant } from '../../results/schema.ts';
import type { ExperimentDefinition, VariantDefinition } from '../../scenarios/types.ts';
import { isExternalTarget } from '../../targets/external/external-target.ts';
import { findTarget } from '../../targets/registry.ts';
import { backends, probeService } from '../../targets/services/resolve.ts';
import type { ServiceEnv, ServiceName, ServiceProbe } from '../../targets/services/service.ts';
import { resolveVariant } from '../../targets/variant.ts';

export interface CheckedItem {
  experiment: ExperimentDefinition;
  variant: VariantDefinition;
}

export interface ServiceCheckOptions {
  /** variant names the user asked for: those must run, so a missing backend is an error */
  explicit: readonly string[];
  env?: ServiceEnv;
  /** how a backend is probed (tests inject one); default probeService, which starts nothing */
  probe?: (name: ServiceName, env: ServiceEnv) => Promise<ServiceProbe>;
}

export interface SkippedItem extends SkippedVariant {
  experiment: string;
}

/** the backends a built-in target needs for this variant; none for a URL target */
function neededServices({ experiment, variant }: CheckedItem): ServiceName[] {
  if (isExternalTarget(experiment.target)) return [];
  const definition = findTarget(experiment.target);
  return definition.services(resolveVariant(definition, variant.params));
}

/** Returns the items to skip; throws when a missing backend was asked for explicitly. */
export async function checkServices(
  items: readonly CheckedItem[],
  options: ServiceCheckOptions,
): Promise<SkippedItem[]> {
  const probe = options.probe ?? ((name, env) => probeService(name, { env }));
  const probes = new Map<string, Promise<ServiceProbe>>();
  const skipped: SkippedItem[] = [];
  for (const item of items) {
    const env: ServiceEnv = { ...(options.env ?? process.env), ...item.variant.env };
    for (const name of neededServices(item)) {
      const envUrl = env[backends[name].envVar];
      const key = `${name} ${envUrl ?? ''}`;
      if (!probes.has(key)) probes.set(key, probe(name, env));
      const found = await probes.get(key)!;
      if (found.state !== 'missing') continue;
      const where = `${item.experiment.name}/${item.variant.name}`;
      if (envUrl || options.explicit.includes(item.variant.name)) {
        throw new ScalebenchError('SB_ERR_SERVICE_UNAVAILABLE', `${where} cannot run: ${found.problem}`, {
          hint: found.remedy,
        });
      }
      const { problem: reason, remedy } = found;
      skipped.push({
        experiment: item.experiment.name,
        name: item.variant.name,
        service: name,
        reason,
        remedy,
      });
      break;
    }
  }
  return skipped;
}
