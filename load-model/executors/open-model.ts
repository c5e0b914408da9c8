/**
 * What the arrival-rate executors share: the timeUnit, the peak rate per second, the VU pool and its
 * defaults (k6's preAllocatedVUs / maxVUs) and how a pool is split.
 */
import type { Check, Obj } from '../check.ts';
import type { DurationInput } from '../duration.ts';
import { formatDuration, toMs } from '../duration.ts';
import type { Level, VuPoolSize } from './executor-module.ts';

/** the VUs an open model was given (either may be absent: then the defaults below apply) */
export interface GivenPool {
  preAllocatedVUs?: number;
  maxVUs?: number;
}

const MAX_DEFAULT_VUS = 10_000;
/** timeUnit when none is given: rates are per second */
export const DEFAULT_TIME_UNIT_MS = 1000;

export function timeUnitMs(timeUnit: DurationInput | undefined): number {
  return toMs(timeUnit, DEFAULT_TIME_UNIT_MS);
}

export function checkVuPool(check: Check, ex: Obj, where: string): void {
  check.number(ex, 'preAllocatedVUs', where, { min: 1, integer: true, optional: true });
  check.number(ex, 'maxVUs', where, { min: 1, integer: true, optional: true });
  const pre = ex['preAllocatedVUs'];
  const max = ex['maxVUs'];
  if (typeof pre === 'number' && typeof max === 'number' && max < pre) {
    check.errors.push(`${where}.maxVUs (${max}) must be at least preAllocatedVUs (${pre})`);
  }
}

/** the pool as given, without absent keys */
export function givenPool(config: GivenPool): GivenPool {
  return {
    ...(config.preAllocatedVUs === undefined ? {} : { preAllocatedVUs: config.preAllocatedVUs }),
    ...(config.maxVUs === undefined ? {} : { maxVUs: config.maxVUs }),
  };
}

/** The largest rate anywhere in the levels, per second. */
export function peakPerSecond(levels: Level[], unitMs: number): number {
  const peak = levels.reduce((most, level) => Math.max(most, level.from, level.to), 0);
  return (peak * 1000) / unitMs;
}

/** Defaults: preAllocated = a tenth of the peak per-second rate (≥ 10); max = one second of peak arrivals. */
export function openVuPool(given: GivenPool, peakRatePerSecond: number): VuPoolSize {
  const preAllocated =
    given.preAllocatedVUs ?? Math.min(MAX_DEFAULT_VUS, Math.max(10, Math.ceil(peakRatePerSecond / 10)));
  const max = given.maxVUs ?? Math.max(preAllocated, Math.min(MAX_DEFAULT_VUS, Math.ceil(peakRatePerSecond)));
  return { preAllocated, max };
}

/** a given pool shared over count parts (at least 1 VU each); absent values stay absent (defaulted per part) */
export function splitPool(given: GivenPool, count: number): GivenPool {
  const divideUp = (value: number) => Math.max(1, Math.ceil(value / count));
  return givenPool({
    ...(given.preAllocatedVUs === undefined ? {} : { preAllocatedVUs: divideUp(given.preAllocatedVUs) }),
    ...(given.maxVUs === undefined ? {} : { maxVUs: divideUp(given.maxVUs) }),
  });
}

/** '/s', or ' per 2s' */
export function perUnit(unitMs: number): string {
  return unitMs === DEFAULT_TIME_UNIT_MS ? '/s' : ` per ${formatDuration(unitMs)}`;
}

export function describePool(pool: VuPoolSize): string {
  return `open model, ${pool.preAllocated}–${pool.max} VUs`;
}
