import { expect, it } from 'vitest';
import { planLine } from '../../../../orchestration/run/suite-progress.ts';

it('names each experiment’s variants and how its comparison rate is set', () => {
  expect(
    planLine({
      type: 'plan',
      command: 'run',
      title: 'scalebench run (default)',
      variants: [
        { experiment: 'clones', variant: 'stateless-1' },
        { experiment: 'clones', variant: 'stateless-4' },
        { experiment: 'database', variant: 'normalized' },
      ],
      trials: 3,
      etaSeconds: 790,
      rates: { clones: 'rate from capacity', database: '12/s declared' },
    }),
  ).toBe(
    'scalebench run (default): clones 2 (rate from capacity), database 1 (12/s declared) variants × 3 trials each; about 13m 10s in all',
  );
});
