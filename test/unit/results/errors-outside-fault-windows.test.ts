/**
 * Errors outside the fault windows: the seconds from a fault's own second (measured-part time) for
 * FAULT_WINDOW_SECONDS are left out, the warm-up too; everything else counts.
 */
import { expect, it } from 'vitest';
import { errorsOutsideFaults, FAULT_WINDOW_SECONDS } from '../../../results/fault-window.ts';
import type { SeriesPoint } from '../../../results/schema.ts';

const point = (second: number, requests: number, errors: number, warmup = false): SeriesPoint => ({
  second,
  warmup,
  requests,
  errors,
  p50: 1,
  p99: 2,
});

it('leaves out the kill and the seconds after it, counted from the first measured second', () => {
  expect(FAULT_WINDOW_SECONDS).toBe(3);
  // warm-up second 0; measured 1..8; a kill 2.4 s into the measured part is series second 3
  const series = [point(0, 50, 40, true), point(1, 60, 0), point(2, 60, 1)];
  for (const second of [3, 4, 5]) series.push(point(second, 60, 20));
  series.push(point(6, 60, 0), point(7, 60, 1), point(8, 60, 0));
  const outside = errorsOutsideFaults(series, [{ atSeconds: 2.4 }]);
  expect(outside).toEqual({ requests: 300, errors: 2, rate: 2 / 300 });
});

it('counts every measured second when there was no fault (18% errors all trial long)', () => {
  const series = [point(0, 60, 0, true), point(1, 100, 18), point(2, 100, 18)];
  expect(errorsOutsideFaults(series, []).rate).toBeCloseTo(0.18, 6);
  expect(errorsOutsideFaults([], []).rate).toBe(0);
});
