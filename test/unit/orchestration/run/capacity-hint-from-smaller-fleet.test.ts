import { describe, expect, it } from 'vitest';
import { capacityHint } from '../../../../orchestration/run/capacity-hint.ts';
import type { VariantResult } from '../../../../results/schema.ts';

const measured = (name: string, clones: number, capacity: number | null, capped = false) =>
  ({ name, clones, capacity, capped }) as VariantResult;

describe('the capacity search start hint', () => {
  it('starts a bigger fleet below the linear prediction from the largest smaller fleet of its store', () => {
    const hint = capacityHint(
      [measured('stateless-1', 1, 40), measured('stateless-2', 2, 70)],
      { name: 'stateless-4', clones: 4 },
      5,
    );
    // 70/2 × 4 × 0.8 = 112 → 110
    expect(hint).toEqual({ startRate: 110, growth: 1.25, from: 'stateless-2' });
  });

  it('gives no hint without a measured smaller fleet of the same store', () => {
    expect(capacityHint([measured('sticky-2', 2, 60)], { name: 'stateless-4', clones: 4 }, 5)).toBeNull();
    expect(
      capacityHint([measured('stateless-1', 1, null)], { name: 'stateless-4', clones: 4 }, 5),
    ).toBeNull();
    // a capped capacity is only a floor: no prediction from it
    expect(
      capacityHint([measured('stateless-1', 1, 400, true)], { name: 'stateless-4', clones: 4 }, 5),
    ).toBeNull();
    expect(capacityHint([measured('stateless-1', 1, 40)], { name: 'no-cache' }, 5)).toBeNull();
  });
});
