import { describe, expect, it } from 'vitest';
import { searchesCapacity } from '../../../../runners/orchestration/run-suite.ts';
import { clonesExperiment } from '../../../../scenarios/experiments/clones.ts';

const variant = (name: string) => clonesExperiment.variants.find((v) => v.name === name)!;

describe('which variants the capacity search runs for', () => {
  it('quick: only the headline variants; full and --find-capacity: all', () => {
    expect(searchesCapacity(clonesExperiment, variant('stateless-1'), 'quick', false)).toBe(true);
    expect(searchesCapacity(clonesExperiment, variant('stateless-4'), 'quick', false)).toBe(true);
    expect(searchesCapacity(clonesExperiment, variant('sticky-4'), 'quick', false)).toBe(false);
    expect(searchesCapacity(clonesExperiment, variant('sticky-4'), 'quick', true)).toBe(true);
    expect(searchesCapacity(clonesExperiment, variant('sticky-2'), 'full', false)).toBe(true);
  });

  it('never for an experiment without a capacity search', () => {
    const { capacity: _none, ...plain } = clonesExperiment;
    expect(searchesCapacity(plain, variant('stateless-1'), 'full', true)).toBe(false);
  });
});
