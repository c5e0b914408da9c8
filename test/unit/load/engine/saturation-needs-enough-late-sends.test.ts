import { describe, expect, it } from 'vitest';
import { MIN_LATE_SENDS, saturationReasons } from '../../../../load/engine/saturation.ts';
import { countAboveMs, createHistogram, percentileMs, recordMs } from '../../../../results/histogram.ts';

function lags(values: number[]) {
  const histogram = createHistogram();
  for (const ms of values) recordMs(histogram, ms);
  return histogram;
}

describe('saturation guard', () => {
  it('counts the values above a limit from the histogram', () => {
    const histogram = lags([...Array.from({ length: 95 }, () => 0.05), 12, 15, 20, 30, 40]);
    expect(countAboveMs(histogram, 10)).toBe(5);
    expect(countAboveMs(histogram, 25)).toBe(2);
    expect(countAboveMs(histogram, 50)).toBe(0);
  });

  it('does not call one stall in a short run saturation, however high its p99', () => {
    const histogram = lags([...Array.from({ length: 55 }, () => 0.1), 16]);
    const p99 = percentileMs(histogram, 99);
    expect(p99).toBeGreaterThan(10);
    expect(saturationReasons(undefined, p99, 1, (limit) => countAboveMs(histogram, limit))).toEqual([]);
  });

  it('marks a run invalid once enough sends are late', () => {
    const late = Array.from({ length: MIN_LATE_SENDS + 1 }, () => 25);
    const histogram = lags([...Array.from({ length: 100 }, () => 0.1), ...late]);
    const reasons = saturationReasons(undefined, percentileMs(histogram, 99), 1, (limit) =>
      countAboveMs(histogram, limit),
    );
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain('6 sends late');
  });
});
