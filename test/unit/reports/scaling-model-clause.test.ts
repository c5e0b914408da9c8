import { describe, expect, it } from 'vitest';
import { scalingModelClause } from '../../../reports/findings/scaling-model.ts';
import type { ExperimentView, VariantView } from '../../../reports/model/views.ts';

const variant = (name: string, clones: number, capacity: number, kneeHostBound = false) =>
  ({
    name,
    clones,
    capacity,
    capacityCapped: false,
    kneeHostBound,
    slo: { p99Ms: 200, errorRate: 0.01 },
  }) as VariantView;
const experiment = (variants: VariantView[]) => ({ name: 'clones', variants }) as ExperimentView;

describe('the scaling model in words', () => {
  it('states σ, κ and the ceiling they imply, as a prediction', () => {
    const text = scalingModelClause(
      experiment([
        variant('stateless-1', 1, 40),
        variant('stateless-2', 2, 72),
        variant('stateless-4', 4, 120),
      ]),
    );
    expect(text).toMatch(
      /^stateless at 1, 2, 4 clones fits the Universal Scalability Law with σ = 0\.111, κ = 0\.0000/,
    );
    expect(text).toMatch(/caps this design near 9\.0× one clone \(approaches 360\/s/);
    expect(text).toContain('a prediction, not a measurement');
  });

  it('names no ceiling far past the fleets measured: three points cannot place it there', () => {
    // the README's sample once said "caps this design near 38× one clone" from 1, 2 and 4 clones
    const text = scalingModelClause(
      experiment([
        variant('stateless-1', 1, 40),
        variant('stateless-2', 2, 75),
        variant('stateless-4', 4, 150),
      ]),
    );
    expect(text).toMatch(/σ = 0\.027, κ = 0\.0000: no ceiling within 16 clones \(4× the most measured/);
    expect(text).not.toMatch(/caps this design/);
  });

  it('says why there is no model with two clone counts or a saturated host', () => {
    expect(
      scalingModelClause(experiment([variant('stateless-1', 1, 40), variant('stateless-4', 4, 150)])),
    ).toMatch(/no scaling model for stateless \(needs capacity at 3 clone counts or more, has 2\)/);
    const bound = scalingModelClause(
      experiment([
        variant('stateless-1', 1, 40),
        variant('stateless-2', 2, 76),
        variant('stateless-4', 4, 100, true),
      ]),
    );
    expect(bound).toMatch(/no scaling model for stateless: stateless-4 measured on a saturated host/);
  });
});
