/**
 * A target's variant knobs, checked against its definition: unknown knobs and values are reported all
 * at once, missing knobs take their default (the first allowed value).
 */
import { ScalebenchError } from '../core/errors.ts';
import type { TargetDefinition } from './target.ts';

export function resolveVariant(
  definition: Pick<TargetDefinition, 'name' | 'variants'>,
  given: Record<string, string>,
): Record<string, string> {
  const problems: string[] = [];
  for (const [knob, value] of Object.entries(given)) {
    const allowed = definition.variants[knob];
    if (!allowed) problems.push(`no knob '${knob}'`);
    else if (!allowed.includes(value)) problems.push(`${knob}=${value} is not one of ${allowed.join('|')}`);
  }
  if (problems.length > 0) {
    const knobs = Object.entries(definition.variants).map(([knob, values]) => `${knob}=${values.join('|')}`);
    throw new ScalebenchError(
      'SB_ERR_INVALID_ARGUMENT',
      `bad variant for target ${definition.name}: ${problems.join('; ')}`,
      { hint: `its knobs are ${knobs.join(', ')}` },
    );
  }
  const resolved: Record<string, string> = {};
  for (const [knob, values] of Object.entries(definition.variants))
    resolved[knob] = given[knob] ?? values[0]!;
  return resolved;
}
