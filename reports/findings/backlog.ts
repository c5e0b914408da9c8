/**
 * Whether a queue's workers kept up: the backlog's growth per second over a trial (least squares over the
 * sampled queue depth). A backlog that grows means the workers fall behind at the rate driven, so the
 * job latency measured grows with the trial's length — the report says so rather than print it as the
 * pattern's (issue 28: "a queue's workers must keep up, or the report states the backlog's growth").
 */
import { formatRate } from '../model/units.ts';
import type { ExperimentView } from '../model/views.ts';

/** below this growth a backlog is noise (a job or two waiting between samples) */
const MIN_GROWTH_PER_SECOND = 0.5;
/** ... and a backlog that never held this many jobs kept up whatever its slope */
const MIN_BACKLOG = 5;

/** jobs per second the series grew by, by least squares over its samples (one a second) */
export function growthPerSecond(series: readonly number[]): number {
  const n = series.length;
  if (n < 3) return 0;
  const meanX = (n - 1) / 2;
  const meanY = series.reduce((sum, y) => sum + y, 0) / n;
  let numerator = 0;
  let denominator = 0;
  series.forEach((y, x) => {
    numerator += (x - meanX) * (y - meanY);
    denominator += (x - meanX) ** 2;
  });
  return numerator / denominator;
}

export function backlogWarnings(experiment: ExperimentView): string[] {
  return experiment.variants.flatMap((variant) => {
    const depth = variant.extraSeries['queueDepth'];
    if (!depth) return [];
    const growth = growthPerSecond(depth);
    const last = depth.at(-1) ?? 0;
    if (growth < MIN_GROWTH_PER_SECOND || Math.max(...depth) < MIN_BACKLOG) return [];
    const rate = variant.load ? ` at ${formatRate(variant.load.rate)}/s` : '';
    return [
      `${variant.name}'s backlog grew by ${growth.toFixed(1)} jobs/s through its trial (${last} waiting at its end): its workers did not keep up${rate}, so its job latency grows with the trial's length`,
    ];
  });
}
