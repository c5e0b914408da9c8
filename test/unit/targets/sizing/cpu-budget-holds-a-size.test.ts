import { describe, expect, it } from 'vitest';
import { CpuBudget } from '../../../../targets/sizing/cpu-budget.ts';
import { type GovernorIo, governorTick } from '../../../../targets/sizing/cpu-governor.ts';

/** a process that burns CPU whenever it is not held, on a manual clock */
function busyProcess() {
  let wallMs = 0;
  let cpuMs = 0;
  const io: GovernorIo = {
    read: () => ({ wallMs, cpuMs }),
    block: (ms) => {
      wallMs += ms;
    },
  };
  const run = (ms: number) => {
    wallMs += ms;
    cpuMs += ms;
  };
  return { io, run, used: () => cpuMs, wall: () => wallMs };
}

describe('the CPU budget', () => {
  it('lets a process within its size run without a hold', () => {
    const budget = new CpuBudget(0.5);
    expect(budget.observe({ wallMs: 0, cpuMs: 0 })).toBe(0);
    // 40% busy over 100 ms: under half a CPU
    expect(budget.observe({ wallMs: 100, cpuMs: 40 })).toBe(0);
  });

  it('holds a process that spent more than it earned for as long as the debt takes to pay', () => {
    const budget = new CpuBudget(0.25, 20);
    budget.observe({ wallMs: 0, cpuMs: 0 });
    // 10 ms busy: earned 2.5, banked at most 5 (one period), so 2.5 ms of debt → 10 ms held at 0.25 CPU
    expect(budget.observe({ wallMs: 10, cpuMs: 10 })).toBeCloseTo(10);
  });

  it('refuses a size that is not positive', () => {
    expect(() => new CpuBudget(0)).toThrow(RangeError);
  });

  it('keeps a CPU-bound process at its size over many ticks of the governor', () => {
    for (const cpus of [0.05, 0.25, 1]) {
      const process = busyProcess();
      const budget = new CpuBudget(cpus);
      budget.observe(process.io.read());
      for (let tick = 0; tick < 2000; tick += 1) {
        process.run(5);
        governorTick(budget, process.io);
      }
      const share = process.used() / process.wall();
      expect(share).toBeLessThanOrEqual(cpus * 1.1);
      expect(share).toBeGreaterThanOrEqual(cpus * 0.9);
    }
  });
});
