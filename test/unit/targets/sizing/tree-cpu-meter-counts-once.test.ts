/**
 * The limiter's tree count charges each process's CPU once: a backend reaped between the root's read and
 * the descendants' read (gone from the descendants, not yet in the root's reaped time) was charged twice
 * by a fresh sum per reading, once before it left and once when it reappeared in the reaped time.
 */
import { expect, it } from 'vitest';
import { TreeCpuMeter } from '../../../../targets/sizing/tree-cpu-meter.ts';

/** descendants as [pid, exact ms] or [pid, exact ms, ms in ticks] (ticks = exact unless given) */
const sample = (rootOwnMs: number, rootReapedMs: number, descendants: number[][]) => ({
  rootOwnMs,
  rootReapedMs,
  descendants: new Map(
    descendants.map(([pid, ms, ticksMs]) => [
      pid as number,
      { ms: ms as number, ticksMs: ticksMs ?? (ms as number) },
    ]),
  ),
});

it('counts a reaped backend once, across the reading where it is in neither place', () => {
  const meter = new TreeCpuMeter();
  expect(
    meter.observe(
      sample(10, 0, [
        [101, 5_000],
        [102, 40],
      ]),
    ),
  ).toBe(5_050);
  // 101 reaped between the reads: gone from the descendants, not yet in the root's reaped time
  expect(meter.observe(sample(11, 0, [[102, 50]]))).toBe(5_061);
  // now in the reaped time (rounded to ticks): not charged again
  expect(meter.observe(sample(12, 5_000, [[102, 60]]))).toBe(5_072);
  // the kernel's reaped figure counts where it is larger: CPU after the last reading of 101
  expect(meter.observe(sample(12, 5_020, [[102, 60]]))).toBe(5_092);
});

it('never goes back: a zombie read as 0, or a reaped figure rounded down', () => {
  const meter = new TreeCpuMeter();
  expect(meter.observe(sample(0, 0, [[7, 300]]))).toBe(300);
  expect(meter.observe(sample(0, 0, [[7, 0]]))).toBe(300);
  expect(meter.observe(sample(0, 290, []))).toBe(300);
  expect(meter.observe(sample(5, 290, []))).toBe(305);
});

it('counts children too short-lived to be seen through the reaped time', () => {
  const meter = new TreeCpuMeter();
  expect(meter.observe(sample(100, 0, []))).toBe(100);
  expect(meter.observe(sample(100, 30, []))).toBe(130);
});

it("does not charge the gap between a departed backend's ticks and its exact count", () => {
  const meter = new TreeCpuMeter();
  // the kernel's ticks put a long-lived backend 150 ms above the scheduler's exact count
  expect(meter.observe(sample(0, 0, [[9, 5_000, 5_150]]))).toBe(5_000);
  expect(meter.observe(sample(0, 0, []))).toBe(5_000);
  // reaped: its ticks arrive in the root's reaped time, and only what lies beyond them counts
  expect(meter.observe(sample(0, 5_150, []))).toBe(5_000);
  expect(meter.observe(sample(0, 5_170, []))).toBe(5_020);
});
