import { describe, expect, it } from 'vitest';
import { metricDefinitions } from '../../../../reports/compare/metrics.ts';
import { decideVerdict } from '../../../../reports/compare/verdict.ts';

const p50 = metricDefinitions['p50']!;
const throughput = metricDefinitions['throughput']!;
const errorRate = metricDefinitions['errorRate']!;
const five = { baseline: 5, candidate: 5 };
const verdict = (
  metric: typeof p50,
  lower: number,
  upper: number,
  pValue = 0.008,
  trials = five,
  threshold = 0.1,
) => decideVerdict({ metric, ci: { lower, upper }, pValue, trials, threshold }).verdict;

describe('compare verdicts, direction-aware', () => {
  it('calls a latency rise beyond the threshold a regression and a fall an improvement', () => {
    expect(verdict(p50, 1.2, 1.4)).toBe('REGRESSED');
    expect(verdict(p50, 0.6, 0.8)).toBe('IMPROVED');
    expect(verdict(p50, 0.97, 1.05)).toBe('NO-CHANGE');
  });

  it('reverses the direction for throughput', () => {
    expect(verdict(throughput, 0.6, 0.8)).toBe('REGRESSED');
    expect(verdict(throughput, 1.2, 1.4)).toBe('IMPROVED');
  });

  it('is inconclusive when the CI straddles the threshold, the test is not significant, or trials are few', () => {
    expect(verdict(p50, 1.02, 1.3)).toBe('INCONCLUSIVE');
    expect(verdict(p50, 1.2, 1.4, 0.2)).toBe('INCONCLUSIVE');
    expect(verdict(p50, 1.2, 1.4, 0.008, { baseline: 3, candidate: 5 })).toBe('INCONCLUSIVE');
  });

  it('judges the error rate by an absolute difference', () => {
    expect(verdict(errorRate, 0.02, 0.05, 0.008, five, 0.01)).toBe('REGRESSED');
    expect(verdict(errorRate, 0, 0, 1, five, 0.01)).toBe('NO-CHANGE');
  });
});
