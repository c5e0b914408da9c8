import { describe, expect, it } from 'vitest';
import { alternateOrder, balancedRandomOrder } from '../../../../orchestration/trials/ab-order.ts';

describe('the order ab runs its trials in', () => {
  it('alternates baseline and candidate', () => {
    expect(alternateOrder(3)).toEqual([
      'baseline',
      'candidate',
      'baseline',
      'candidate',
      'baseline',
      'candidate',
    ]);
  });

  it('random: balanced (N of each), the same for the same seed, another for another seed', () => {
    const order = balancedRandomOrder(10, 7);
    expect(order.filter((side) => side === 'baseline')).toHaveLength(10);
    expect(order).toHaveLength(20);
    expect(balancedRandomOrder(10, 7)).toEqual(order);
    expect(balancedRandomOrder(10, 8)).not.toEqual(order);
  });
});
