/**
 * The saturation guard: when the load generator itself is the bottleneck, its numbers describe the
 * generator, not the target. The run is then marked invalid with the reasons.
 */
import type { SaturationThresholds } from '../load-models/types.ts';

export const DEFAULT_MAX_SCHEDULE_LAG_P99_MS = 10;
export const DEFAULT_MAX_EVENT_LOOP_DELAY_P99_MS = 50;

export function saturationReasons(
  thresholds: SaturationThresholds | undefined,
  scheduleLagP99Ms: number,
  eventLoopDelayP99Ms: number,
): string[] {
  const maxLag = thresholds?.maxScheduleLagP99Ms ?? DEFAULT_MAX_SCHEDULE_LAG_P99_MS;
  const maxLoop = thresholds?.maxEventLoopDelayP99Ms ?? DEFAULT_MAX_EVENT_LOOP_DELAY_P99_MS;
  const reasons: string[] = [];
  if (scheduleLagP99Ms > maxLag) {
    reasons.push(
      `schedule lag p99 ${scheduleLagP99Ms.toFixed(2)} ms > ${maxLag} ms: the generator could not send on time (add --workers or lower the rate)`,
    );
  }
  if (eventLoopDelayP99Ms > maxLoop) {
    reasons.push(
      `event-loop delay p99 ${eventLoopDelayP99Ms.toFixed(2)} ms > ${maxLoop} ms: the generator's event loop stalled`,
    );
  }
  return reasons;
}
