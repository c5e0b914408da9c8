import { describe, expect, it } from 'vitest';
import { renderBmf } from '../../../reports/bencher.ts';
import { buildBenchFixture, buildSuiteFixture } from '../../helpers/results-fixtures.ts';

describe('bmf.json (Bencher Metric Format)', () => {
  it('keys by experiment/variant with latency in nanoseconds and CI bounds across trials', () => {
    const suite = buildSuiteFixture({ trials: 3, seconds: 4, experiments: ['caching'] });
    const bmf = renderBmf(suite);
    expect(Object.keys(bmf)).toEqual(['caching/none', 'caching/query', 'caching/object']);
    const trials = suite.experiments[0]!.variants[2]!.trials;
    const meanP50Ms =
      trials.reduce((sum, trial) => sum + trial.summary.latency.response.p50, 0) / trials.length;
    const latency = bmf['caching/object']!['latency']!;
    expect(latency.value).toBeCloseTo(meanP50Ms * 1_000_000, 0);
    expect(latency.lower_value!).toBeLessThan(latency.value);
    expect(latency.upper_value!).toBeGreaterThan(latency.value);
    expect(bmf['caching/query']!['stale-reads']!.value).toBeGreaterThan(0);
    expect(bmf['caching/object']!['hit-ratio']!.value).toBeCloseTo(0.98, 2);
  });

  it('has no bounds for a single bench run', () => {
    const bmf = renderBmf(buildBenchFixture({ seconds: 4 }));
    expect(Object.keys(bmf)).toEqual(['bench/run']);
    expect(bmf['bench/run']!['latency']).toEqual({ value: expect.any(Number) });
  });
});
