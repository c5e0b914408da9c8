import { describe, expect, it } from 'vitest';
import { compareStats } from '../../../../reports/model/difference.ts';
import { describe as stats } from '../../../../reports/model/stats.ts';

describe('when two figures differ enough to say so', () => {
  it('with one trial, calls ratios under 1.5× or gaps under 0.5 ms about the same', () => {
    expect(compareStats(stats([1.4]), stats([0.9]))).toBe('same'); // 1.56× but 0.5 ms
    expect(compareStats(stats([6.6]), stats([5.0]))).toBe('same'); // 1.3×
    expect(compareStats(stats([6.6]), stats([1.3]))).toBe('lower');
    expect(compareStats(stats([147]), stats([3120]))).toBe('higher');
  });

  it('with two or more trials, claims a difference only when the confidence intervals do not overlap', () => {
    expect(compareStats(stats([10, 11, 10.5]), stats([10.8, 12, 11.2]))).toBe('same');
    expect(compareStats(stats([10, 10.2, 10.1]), stats([10.6, 10.7, 10.65]))).toBe('higher');
    expect(compareStats(stats([10, 10.2, 10.1]), stats([9.1, 9.2, 9.15]))).toBe('lower');
  });
});
