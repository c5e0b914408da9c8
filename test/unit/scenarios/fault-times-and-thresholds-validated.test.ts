/**
 * Fault times and thresholds are checked the same way on the experiment and on each variant, and each
 * problem names where it is.
 */
import { expect, it } from 'vitest';
import { builtinExperiments } from '../../../scenarios/builtin.ts';
import type { ExperimentDefinition } from '../../../scenarios/types.ts';
import { validateExperiment } from '../../../scenarios/validate.ts';

const clones = builtinExperiments.find((experiment) => experiment.name === 'clones')!;

it('names a bad fault time and threshold on the experiment and on a variant', () => {
  const [first, ...others] = clones.variants;
  const kill = { action: 'kill', kind: 'clone', index: 0 } as const;
  const broken = {
    ...clones,
    thresholds: { http_req_duration: ['p(99)<<5'] },
    faults: [{ ...kill, at: 'later' }],
    variants: [{ ...first!, faults: [{ ...kill, at: 'soon' }] }, ...others],
  } as ExperimentDefinition;
  const errors = validateExperiment(broken);
  expect(errors).toContain(`experiment 'clones'/${first!.name}: fault time 'soon' is not a duration`);
  expect(errors).toContain("experiment 'clones': fault time 'later' is not a duration");
  expect(errors.filter((error) => error.includes('p(99)<<5'))).toHaveLength(1);
  expect(errors.filter((error) => error.startsWith("experiment 'clones':"))).toHaveLength(2);
});
