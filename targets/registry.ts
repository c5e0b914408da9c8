/**
 * The explicit map experiment → target definition (no registration by import side effects). Add one
 * import and one entry per target.
 */
import { ScalebenchError } from '../core/errors.ts';
import { asyncTarget } from './async/async-target.ts';
import { cachingTarget } from './caching/caching-target.ts';
import { clonesTarget } from './clones/clones-target.ts';
import { databaseTarget } from './database/database-target.ts';
import type { TargetDefinition } from './target.ts';

export const targetRegistry: Record<string, TargetDefinition> = {
  clones: clonesTarget,
  caching: cachingTarget,
  async: asyncTarget,
  database: databaseTarget,
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
