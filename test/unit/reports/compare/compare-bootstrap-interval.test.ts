import { describe, expect, it } from 'vitest';
import {
  bootstrapInterval,
  differenceOfMedians,
  ratioOfMedians,
} from '../../../../reports/compare/bootstrap.ts';

const baseline = [10.1, 9.8, 10.3, 10.0, 9.9, 10.2];
const slower = baseline.map((value) => value * 1.5);

describe('bootstrap 95% interval of the ratio of medians', () => {
  it('is deterministic for a seed and brackets the true ratio', () => {
    const first = bootstrapInterval(baseline, slower, ratioOfMedians, { seed: 42 });
    expect(bootstrapInterval(baseline, slower, ratioOfMedians, { seed: 42 })).toEqual(first);
    expect(first.lower).toBeLessThanOrEqual(1.5);
    expect(first.upper).toBeGreaterThanOrEqual(1.5);
    expect(first.lower).toBeGreaterThan(1.4);
  });

  it('is centred on 1 (or 0 for differences) for identical samples', () => {
    const ratio = bootstrapInterval(baseline, baseline, ratioOfMedians);
    expect(ratio.lower).toBeLessThanOrEqual(1);
    expect(ratio.upper).toBeGreaterThanOrEqual(1);
    expect(ratio.upper - ratio.lower).toBeLessThan(0.06);
    expect(bootstrapInterval([0, 0, 0, 0], [0, 0, 0, 0], differenceOfMedians)).toEqual({
      lower: 0,
      upper: 0,
    });
  });
});
