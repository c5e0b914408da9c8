import { describe, expect, it } from 'vitest';
import { searchesCapacity } from '../../../../orchestration/run/suite-plan.ts';
import { cachingExperiment } from '../../../../scenarios/experiments/caching.ts';
import { clonesExperiment } from '../../../../scenarios/experiments/clones.ts';
import { databaseExperiment } from '../../../../scenarios/experiments/database.ts';

const variant = (name: string) => clonesExperiment.variants.find((v) => v.name === name)!;

describe('which variants the capacity search runs for', () => {
  it('quick: only the headline variants; full and --find-capacity: all', () => {
    expect(searchesCapacity(clonesExperiment, variant('stateless-1'), 'quick', undefined)).toBe(true);
    expect(searchesCapacity(clonesExperiment, variant('stateless-4'), 'quick', undefined)).toBe(true);
    expect(searchesCapacity(clonesExperiment, variant('sticky-4'), 'quick', undefined)).toBe(false);
    expect(searchesCapacity(clonesExperiment, variant('sticky-4'), 'quick', true)).toBe(true);
    expect(searchesCapacity(clonesExperiment, variant('sticky-2'), 'full', undefined)).toBe(true);
  });

  it('quick spends its minutes on the clones curve: no caching or database search unless asked', () => {
    for (const experiment of [cachingExperiment, databaseExperiment]) {
      for (const each of experiment.variants) {
        expect(searchesCapacity(experiment, each, 'quick', undefined)).toBe(false);
        expect(searchesCapacity(experiment, each, 'quick', true)).toBe(true);
        expect(searchesCapacity(experiment, each, 'full', undefined)).toBe(true);
      }
    }
  });

  it('never with --no-find-capacity, in any profile', () => {
    for (const profile of ['quick', 'default', 'full'] as const) {
      for (const each of clonesExperiment.variants) {
        expect(searchesCapacity(clonesExperiment, each, profile, false)).toBe(false);
      }
    }
  });

  it('never for an experiment without a capacity search', () => {
    const { capacity: _none, ...plain } = clonesExperiment;
    expect(searchesCapacity(plain, variant('stateless-1'), 'full', true)).toBe(false);
  });
});
