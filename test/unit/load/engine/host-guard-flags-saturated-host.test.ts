import { describe, expect, it } from 'vitest';
import type { CpuSample } from '../../../../load/engine/host-cpu.ts';
import { parseProcStat } from '../../../../load/engine/host-cpu.ts';
import { hostBoundReason, isHostBound, withHostLoad } from '../../../../load/engine/host-guard.ts';

/** a scripted sampler: each call returns the next sample */
function scripted(samples: CpuSample[]) {
  let index = 0;
  return () => samples[Math.min(index++, samples.length - 1)]!;
}

const sample = (atMs: number, idle: number, total: number, generatorCpuMs: number): CpuSample => ({
  atMs,
  hostIdleTicks: idle,
  hostTotalTicks: total,
  generatorCpuMs,
});

describe('the host-headroom guard', () => {
  it('flags a step during which the host had under 15% idle CPU', async () => {
    // 2 cores × 1 s = 200 ticks, 10 of them idle; the generator used 0.9 cores
    const sampler = scripted([sample(0, 1000, 5000, 100), sample(1000, 1010, 5200, 1000)]);
    const { value, load } = await withHostLoad(sampler, async () => 'done');
    expect(value).toBe('done');
    expect(load.hostIdle).toBeCloseTo(0.05);
    expect(load.generatorCores).toBeCloseTo(0.9);
    expect(isHostBound(load)).toBe(true);
    expect(hostBoundReason(load)).toMatch(
      /host idle 5% < 15%.*limited by this machine, not by the architecture/,
    );
  });

  it('passes a step with headroom, and one where the host figure is unknown', async () => {
    const idle = await withHostLoad(
      scripted([sample(0, 0, 0, 0), sample(1000, 60, 200, 200)]),
      async () => 1,
    );
    expect(idle.load.hostIdle).toBeCloseTo(0.3);
    expect(isHostBound(idle.load)).toBe(false);
    const unknown = { atMs: 0, hostIdleTicks: null, hostTotalTicks: null, generatorCpuMs: 0 };
    const blind = await withHostLoad(scripted([unknown, { ...unknown, atMs: 1000 }]), async () => 1);
    expect(blind.load.hostIdle).toBeNull();
    expect(isHostBound(blind.load)).toBe(false);
  });

  it('reads idle + iowait + nice (low-priority work yields) and the total from /proc/stat', () => {
    const stat = 'cpu  100 5 50 800 20 3 2 0 0 0\ncpu0 50 2 25 400 10 1 1 0 0 0\n';
    expect(parseProcStat(stat)).toEqual({ idle: 825, total: 980 });
    expect(parseProcStat('intr 1 2 3')).toBeNull();
  });
});
