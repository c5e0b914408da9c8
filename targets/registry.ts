/**
 * The explicit map experiment → target definition (no registration by import side effects). Add one
 * import and one entry per target.
 */
import { ScalebenchError } from '../results/errors.ts';
import { asyncTarget } from './async/async-target.ts';
import { clonesTarget } from './clones/clones-target.ts';
import type { TargetDefinition } from './target.ts';

export const targetRegistry: Record<string, TargetDefinition> = {
  clones: clonesTarget,
  async: asyncTarget,
};

export function findTarget(name: string): TargetDefinition {
  const definition = Object.hasOwn(targetRegistry, name) ? targetRegistry[name] : undefined;
  if (!definition) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `no target '${name}'`, {
      hint: `pick one of ${Object.keys(targetRegistry).join(', ')} (scalebench targets list)`,
    });
  }
  return definition;
}
