/**
 * A capacity search is checked with the rest of the experiment: a step of 0 would step forever, so it
 * and every other bad field are reported at once.
 */
import { expect, it } from 'vitest';
import { builtinExperiments } from '../../../scenarios/builtin.ts';
import type { ExperimentDefinition } from '../../../scenarios/types.ts';
import { validateExperiment } from '../../../scenarios/validate.ts';

const clones = builtinExperiments.find((experiment) => experiment.name === 'clones')!;

it('accepts the built-in capacity search', () => {
  expect(validateExperiment(clones)).toEqual([]);
});

it('lists every bad capacity field', () => {
  const broken = {
    ...clones,
    capacity: {
      startRate: 50,
      step: 0,
      maxRate: 10,
      stepDuration: 'soon',
      slo: { p99Ms: 0, errorRate: 0.01 },
    },
  } as ExperimentDefinition;
  expect(validateExperiment(broken)).toEqual([
    "experiment 'clones': capacity.step must be a positive number",
    "experiment 'clones': capacity.maxRate must be at least capacity.startRate",
    "experiment 'clones': capacity.stepDuration 'soon' is not a duration",
    "experiment 'clones': capacity.slo needs p99Ms > 0 and errorRate ≥ 0",
  ]);
});

it('checks the saturation guard with the load profile', () => {
  const loose = { ...clones, saturation: { maxScheduleLagP99Ms: -1 } } as ExperimentDefinition;
  expect(validateExperiment(loose).join('\n')).toMatch(/saturation/);
});
