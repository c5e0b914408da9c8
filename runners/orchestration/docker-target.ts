/**
 * `--stack docker`: a variant's target as the experiment's Docker Compose stack (docker/compose/) instead
 * of local processes. Knobs become the compose file's variables (session → SESSION), clones and workers
 * become `--scale`; the stack comes down when the variant ends. Faults are not injected into containers.
 */
import type { VariantDefinition } from '../../scenarios/types.ts';
import { externalTarget } from '../../targets/external/external-target.ts';
import { freePort } from '../../targets/lifecycle/free-port.ts';
import type { RunningTarget } from '../../targets/target.ts';
import { composeFileFor, composeUp } from '../stack/docker.ts';

export function composeVariables(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([knob, value]) => [knob.toUpperCase(), value]));
}

export function composeScale(variant: VariantDefinition): Record<string, number> {
  return {
    ...(variant.clones === undefined ? {} : { app: variant.clones }),
    ...(variant.workers === undefined ? {} : { worker: variant.workers }),
  };
}

export async function startDockerTarget(
  targetName: string,
  variant: VariantDefinition,
  signal?: AbortSignal,
): Promise<RunningTarget> {
  const stack = await composeUp(composeFileFor(targetName), {
    variables: composeVariables(variant.params),
    scale: composeScale(variant),
    port: await freePort(),
    projectName: `scalebench-${targetName}-${variant.name}`.toLowerCase().replace(/[^a-z0-9-]/g, '-'),
    ...(signal ? { signal } : {}),
  });
  return {
    ...externalTarget(stack.url),
    experiment: targetName,
    balancer: 'haproxy',
    stop: () => stack.down(),
  };
}
