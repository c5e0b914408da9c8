import { describe, expect, it } from 'vitest';
import { mannWhitneyU } from '../../../../reports/compare/mann-whitney.ts';

describe('Mann–Whitney U test', () => {
  it('gives the exact two-sided p-value for small samples without ties', () => {
    // complete separation of 4 vs 4: 2 of C(8,4)=70 orderings are as extreme
    expect(mannWhitneyU([1, 2, 3, 4], [5, 6, 7, 8])).toEqual({ u: 0, pValue: 2 / 70, method: 'exact' });
    expect(mannWhitneyU([1, 2, 3], [4, 5, 6]).pValue).toBeCloseTo(0.1, 10);
    // scipy.stats.mannwhitneyu([1,3,5,7], [2,4,6,8], method='exact') → U=6, p=0.6857
    const interleaved = mannWhitneyU([1, 3, 5, 7], [2, 4, 6, 8]);
    expect(interleaved.u).toBe(6);
    expect(interleaved.pValue).toBeCloseTo(0.6857, 3);
  });

  it('falls back to the tie-corrected normal approximation with ties', () => {
    const same = mannWhitneyU([0, 0, 0, 0], [0, 0, 0, 0]);
    expect(same.pValue).toBe(1);
    // by hand: U=2.5, mean 12.5, tie-corrected variance 25/12·(11 − 36/90) = 22.08,
    // z = (10 − 0.5)/4.699 = 2.022 → two-sided p = 0.0432 (scipy's asymptotic method agrees)
    const tied = mannWhitneyU([1, 2, 2, 3, 4], [3, 4, 4, 5, 6]);
    expect(tied.method).toBe('normal');
    expect(tied.u).toBe(2.5);
    expect(tied.pValue).toBeCloseTo(0.0432, 3);
  });
});
