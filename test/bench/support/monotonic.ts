/**
 * One time base shared by every process on the machine: CLOCK_MONOTONIC in milliseconds
 * (process.hrtime), so a server's freeze log and a generator's schedule can be compared.
 */
import { performance } from 'node:perf_hooks';

export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Converts a performance.now() value of this process to monotonic ms. */
export function perfToMonotonic(perfMs: number): number {
  return perfMs + (monotonicMs() - performance.now());
}
