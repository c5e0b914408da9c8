/**
 * The portable CPU cap for the servers scalebench writes (the reference app and its queue workers): a
 * timer inside the process reads its own CPU time (`process.cpuUsage()`, every thread of it) and, once
 * the process has spent more than its size earns (cpu-budget.ts), blocks the event loop's thread with
 * `Atomics.wait` until the debt is paid — no request is handled meanwhile, exactly as a process whose
 * cgroup quota ran out is not scheduled. It needs no privilege and runs wherever Node does (macOS too).
 * Work between two ticks is not cut short, so a 2 ms request can overshoot by a tick; the long-run share
 * still holds because the debt is paid at the next tick.
 */
import { CpuBudget, type CpuReading } from './cpu-budget.ts';

/** how often the governor takes a reading */
export const GOVERNOR_TICK_MS = 5;

export interface GovernorIo {
  read(): CpuReading;
  /** holds the thread still (no CPU spent) for ms */
  block(ms: number): void;
}

const blocker = new Int32Array(new SharedArrayBuffer(4));

export const processIo: GovernorIo = {
  read: () => {
    const { user, system } = process.cpuUsage();
    return { wallMs: performance.now(), cpuMs: (user + system) / 1000 };
  },
  block: (ms) => {
    Atomics.wait(blocker, 0, 0, ms);
  },
};

/** one tick: read, and block as long as the budget says; returns the ms blocked */
export function governorTick(budget: CpuBudget, io: GovernorIo): number {
  const holdMs = budget.observe(io.read());
  if (holdMs <= 0) return 0;
  io.block(holdMs);
  // the hold paid the debt: the next reading starts from here
  budget.observe(io.read());
  return holdMs;
}

export interface Governor {
  cpus: number;
  /** ms the governor has held the process still so far */
  heldMs(): number;
  stop(): void;
}

/** Caps this process at `cpus` CPUs until stopped (the timer does not keep the process alive). */
export function startGovernor(cpus: number, io: GovernorIo = processIo): Governor {
  const budget = new CpuBudget(cpus);
  budget.observe(io.read());
  let held = 0;
  const timer = setInterval(() => {
    held += governorTick(budget, io);
  }, GOVERNOR_TICK_MS);
  timer.unref();
  return { cpus, heldMs: () => held, stop: () => clearInterval(timer) };
}
