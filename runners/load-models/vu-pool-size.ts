/** How many virtual users an arrival-rate model may use: k6's preAllocatedVUs / maxVUs with defaults. */
import { toMs } from '../../load-model/duration.ts';
import type { ExecutorConfig } from '../../load-model/types.ts';
import { buildProfile, peakLevel } from './rate-profile.ts';

export interface VuPoolSize {
  preAllocated: number;
  max: number;
}

const MAX_DEFAULT_VUS = 10_000;

/** Defaults: preAllocated = a tenth of the peak per-second rate (≥ 10); max = one second of peak arrivals. */
export function vuPoolSize(executor: ExecutorConfig): VuPoolSize {
  if (executor.executor === 'constant-vus') return { preAllocated: executor.vus, max: executor.vus };
  if (executor.executor === 'ramping-vus') {
    const peak = Math.max(executor.startVUs ?? 1, ...executor.stages.map((stage) => stage.target));
    return { preAllocated: peak, max: peak };
  }
  const profile = buildProfile(executor, 0);
  const peakPerSecond = (peakLevel(profile) * 1000) / toMs(executor.timeUnit, 1000);
  const preAllocated =
    executor.preAllocatedVUs ?? Math.min(MAX_DEFAULT_VUS, Math.max(10, Math.ceil(peakPerSecond / 10)));
  const max = executor.maxVUs ?? Math.max(preAllocated, Math.min(MAX_DEFAULT_VUS, Math.ceil(peakPerSecond)));
  return { preAllocated, max };
}
