/**
 * The saturation guard: when the load generator itself is the bottleneck, its numbers describe the
 * generator, not the target. The run is then marked invalid with the reasons.
 */
import type { SaturationThresholds } from '../../load-model/types.ts';

export const DEFAULT_MAX_SCHEDULE_LAG_P99_MS = 10;
export const DEFAULT_MAX_EVENT_LOOP_DELAY_P99_MS = 50;
/**
 * A run with few sends has a p99 made of its one or two worst sends: one stall of a shared machine
 * must not mark a 56-send run invalid. Below this many late sends, a high p99 is noise.
 */
export const MIN_LATE_SENDS = 5;

export function saturationReasons(
  thresholds: SaturationThresholds | undefined,
  scheduleLagP99Ms: number,
  eventLoopDelayP99Ms: number,
  /** how many sends were later than the lag limit; by default, assumed enough to count */
  lateSends: (maxLagMs: number) => number = () => MIN_LATE_SENDS,
): string[] {
  const maxLag = thresholds?.maxScheduleLagP99Ms ?? DEFAULT_MAX_SCHEDULE_LAG_P99_MS;
  const maxLoop = thresholds?.maxEventLoopDelayP99Ms ?? DEFAULT_MAX_EVENT_LOOP_DELAY_P99_MS;
  const reasons: string[] = [];
  if (scheduleLagP99Ms > maxLag) {
    const late = lateSends(maxLag);
    if (late >= MIN_LATE_SENDS) {
      reasons.push(
        `schedule lag p99 ${scheduleLagP99Ms.toFixed(2)} ms > ${maxLag} ms (${late} sends late): the generator could not send on time (add --workers or lower the rate)`,
      );
    }
  }
  if (eventLoopDelayP99Ms > maxLoop) {
    reasons.push(
      `event-loop delay p99 ${eventLoopDelayP99Ms.toFixed(2)} ms > ${maxLoop} ms: the generator's event loop stalled`,
    );
  }
  return reasons;
}
