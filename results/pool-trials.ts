/**
 * Pools the trials of `bench --trials N` into one run, as if they had run back to back (the one merge,
 * merge-runs.ts, one after another), with the per-second series laid end to end. `compare` still takes
 * its samples from the trials themselves.
 */
import { mergeRuns } from './merge-runs.ts';
import type { RunResult, SeriesPoint, StreamMetrics } from './schema.ts';

/** trial after trial on one time axis: each trial's seconds shifted past the end of the one before */
function endToEnd(trials: readonly RunResult[]): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  let offset = 0;
  for (const trial of trials) {
    for (const point of trial.series) out.push({ ...point, second: point.second + offset });
    offset = out.length === 0 ? 0 : out.at(-1)!.second + 1;
  }
  return out;
}

/** At least one trial. */
export function poolTrials(
  trials: readonly (RunResult & StreamMetrics)[],
): Omit<RunResult, 'grpc'> & StreamMetrics {
  const labels = trials.map((_, index) => `trial ${index + 1}`);
  return { ...mergeRuns(trials, 'one-after-another', labels), series: endToEnd(trials) };
}
