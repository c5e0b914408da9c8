import { describe, expect, it } from 'vitest';
import { decodeHistogram } from '../../../results/histogram.ts';
import { poolTrials } from '../../../results/pool-trials.ts';
import { buildBenchFixture } from '../../helpers/results-fixtures.ts';

describe('pooling the trials of bench --trials N', () => {
  const trials = [1, 2, 3].map((seed) => buildBenchFixture({ seed, seconds: 4 }));
  const pooled = poolTrials(trials);

  it('sums the counts and merges the histograms exactly', () => {
    expect(pooled.summary.requests).toBe(trials.reduce((sum, t) => sum + t.summary.requests, 0));
    expect(pooled.summary.durationSeconds).toBeCloseTo(
      trials.reduce((sum, t) => sum + t.summary.durationSeconds, 0),
    );
    const counts = trials.map((t) => decodeHistogram(t.histograms.response).totalCount);
    expect(decodeHistogram(pooled.histograms.response).totalCount).toBe(counts.reduce((a, b) => a + b, 0));
    expect(pooled.summary.latency.response.count).toBe(counts.reduce((a, b) => a + b, 0));
  });

  it('takes the mean achieved rate, not the sum (trials ran one after another)', () => {
    const mean = trials.reduce((sum, t) => sum + t.summary.achievedRate, 0) / trials.length;
    expect(pooled.summary.achievedRate).toBeCloseTo(mean);
  });

  it('lays the per-second series end to end', () => {
    expect(pooled.series).toHaveLength(trials.reduce((sum, t) => sum + t.series.length, 0));
    const seconds = pooled.series.map((point) => point.second);
    expect(seconds).toEqual([...seconds].sort((a, b) => a - b));
    expect(new Set(seconds).size).toBe(seconds.length);
  });

  it('labels a trial’s invalid reasons with its number, from 1', () => {
    const invalid = {
      ...trials[1]!,
      summary: { ...trials[1]!.summary, valid: false, invalidReasons: ['lag'] },
    };
    const result = poolTrials([trials[0]!, invalid]);
    expect(result.summary.valid).toBe(false);
    expect(result.summary.invalidReasons).toEqual(['trial 2: lag']);
  });
});
