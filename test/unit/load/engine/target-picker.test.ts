import { describe, expect, it } from 'vitest';
import { createTargetPicker, roundRobinCycle } from '../../../../load/engine/target-picker.ts';

const counts = (pick: () => number, n: number, size: number) => {
  const out = Array.from({ length: size }, () => 0);
  for (let i = 0; i < n; i += 1) out[pick()]! += 1;
  return out;
};

describe('target picking', () => {
  it('round-robin gives each target its weight in turns per cycle, spread out', () => {
    expect(roundRobinCycle([1, 1, 1])).toEqual([0, 1, 2]);
    expect(roundRobinCycle([5, 1, 1])).toEqual([0, 0, 1, 0, 2, 0, 0]);
    expect(counts(createTargetPicker([2, 1, 1], 'round-robin'), 400, 3)).toEqual([200, 100, 100]);
  });

  it('weighted draws by weight from a seeded generator', () => {
    const drawn = counts(createTargetPicker([3, 1], 'weighted'), 10_000, 2);
    expect(drawn[0]! / 10_000).toBeCloseTo(0.75, 1);
    expect(counts(createTargetPicker([3, 1], 'weighted'), 100, 2)).toEqual(
      counts(createTargetPicker([3, 1], 'weighted'), 100, 2),
    );
  });
});
