/**
 * The accounting behind CFS bandwidth control, as a pure token bucket: a server of `cpus` CPUs earns
 * `cpus` ms of CPU time per ms of wall time, may bank at most one period's worth (a short burst, as a
 * cgroup quota allows within its period), and once it has spent more than it earned it must be held
 * still until the debt is paid. The in-process governor (cpu-governor.ts) and the stop/continue limiter
 * for processes we do not write (cpu-limiter.ts) both feed it readings; neither reads a clock itself.
 */

/** the enforcement period: the same 20 ms the cgroup quota uses (cpu-quota.ts QUOTA_PERIOD_US) */
export const BUDGET_PERIOD_MS = 20;

export interface CpuReading {
  /** wall time, ms (any monotonic origin) */
  wallMs: number;
  /** CPU time the process (tree) has used since it started, ms */
  cpuMs: number;
}

export class CpuBudget {
  private credit: number;
  private last: CpuReading | null = null;
  private readonly burstMs: number;

  constructor(
    readonly cpus: number,
    periodMs = BUDGET_PERIOD_MS,
  ) {
    if (!(cpus > 0)) throw new RangeError(`a CPU budget needs a positive size, got ${cpus}`);
    this.burstMs = cpus * periodMs;
    this.credit = this.burstMs;
  }

  /**
   * Takes a reading and answers how long (ms of wall time) the process must now be held still to stay
   * within its size: 0 while it is within budget.
   */
  observe(reading: CpuReading): number {
    if (this.last !== null) {
      const wall = Math.max(0, reading.wallMs - this.last.wallMs);
      const used = Math.max(0, reading.cpuMs - this.last.cpuMs);
      this.credit = Math.min(this.burstMs, this.credit + wall * this.cpus - used);
    }
    this.last = reading;
    return this.credit >= 0 ? 0 : -this.credit / this.cpus;
  }
}
