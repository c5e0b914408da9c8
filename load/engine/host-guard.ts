/**
 * The host-headroom guard, beside the generator-saturation guard: a capacity or a latency measured
 * while the machine itself had no idle CPU left describes this machine, not the architecture under
 * test. Such a measurement is marked hostBound and every report says so.
 */
import { HOST_BOUND_NOTE, MIN_HOST_IDLE } from '../../results/host-bound.ts';
import { type CpuSampler, type HostLoad, hostLoadBetween } from './host-cpu.ts';

export const DEFAULT_MIN_HOST_IDLE = MIN_HOST_IDLE;

export function isHostBound(load: Pick<HostLoad, 'hostIdle'>, minIdle = DEFAULT_MIN_HOST_IDLE): boolean {
  return load.hostIdle !== null && load.hostIdle < minIdle;
}

export function hostBoundReason(load: HostLoad, minIdle = DEFAULT_MIN_HOST_IDLE): string | undefined {
  if (!isHostBound(load, minIdle)) return undefined;
  return `host idle ${(load.hostIdle! * 100).toFixed(0)}% < ${(minIdle * 100).toFixed(0)}% (the generator used ${load.generatorCores.toFixed(2)} cores): ${HOST_BOUND_NOTE}`;
}

/** Measures the host around `work`: host idle share and generator CPU over its whole span. */
export async function withHostLoad<T>(
  sampler: CpuSampler,
  work: () => Promise<T>,
): Promise<{ value: T; load: HostLoad }> {
  const before = sampler();
  const value = await work();
  return { value, load: hostLoadBetween(before, sampler()) };
}
