/**
 * Pools the trials of `bench --trials N` into one run, as if they had run back to back: histograms merged
 * exactly, counts summed, latency recomputed from the merged histograms, the mean achieved rate, and the
 * per-second series laid end to end. `compare` still takes its samples from the trials themselves.
 */
import { addChecks, addCounts } from './counts.ts';
import {
  decodeHistogram,
  mergeEncodedSets,
  mergePhaseSets,
  summarizeHistogram,
  summarizePhases,
} from './histogram.ts';
import type { RunResult, SeriesPoint, Summary } from './schema.ts';

function pooledSummary(trials: readonly RunResult[], histograms: RunResult['histograms']): Summary {
  const summaries = trials.map((trial) => trial.summary);
  const pooled: Summary = {
    durationSeconds: 0,
    requests: 0,
    errors: 0,
    errorsByClass: {},
    iterations: 0,
    droppedIterations: 0,
    achievedRate: summaries.reduce((sum, s) => sum + s.achievedRate, 0) / summaries.length,
    targetRate: summaries[0]!.targetRate,
    latency: {
      response: summarizeHistogram(decodeHistogram(histograms.response)),
      service: summarizeHistogram(decodeHistogram(histograms.service)),
      scheduleLag: summarizeHistogram(decodeHistogram(histograms.scheduleLag)),
    },
    checks: {},
    steps: [],
    servedBy: {},
    valid: summaries.every((s) => s.valid),
    invalidReasons: summaries.flatMap((s, index) =>
      s.invalidReasons.map((reason) => `trial ${index + 1}: ${reason}`),
    ),
  };
  for (const summary of summaries) {
    pooled.durationSeconds += summary.durationSeconds;
    pooled.requests += summary.requests;
    pooled.errors += summary.errors;
    pooled.iterations += summary.iterations;
    pooled.droppedIterations += summary.droppedIterations;
    addCounts(pooled.errorsByClass, summary.errorsByClass);
    addCounts(pooled.servedBy, summary.servedBy);
    addChecks(pooled.checks, summary.checks);
    for (const step of summary.steps) {
      const into = pooled.steps.find((s) => s.name === step.name);
      if (into) {
        into.requests += step.requests;
        addCounts(into.errors, step.errors);
      } else pooled.steps.push({ name: step.name, requests: step.requests, errors: { ...step.errors } });
    }
  }
  return pooled;
}

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
export function poolTrials(trials: readonly RunResult[]): RunResult {
  const histograms = mergeEncodedSets(trials.map((trial) => trial.histograms));
  const phaseHistograms = mergePhaseSets(
    trials.flatMap((trial) => (trial.phaseHistograms ? [trial.phaseHistograms] : [])),
  );
  const protocol = trials.find((trial) => trial.protocol !== undefined)?.protocol;
  const summary = pooledSummary(trials, histograms);
  return {
    summary: phaseHistograms ? { ...summary, phases: summarizePhases(phaseHistograms) } : summary,
    histograms,
    ...(phaseHistograms ? { phaseHistograms } : {}),
    ...(protocol ? { protocol } : {}),
    series: endToEnd(trials),
  };
}
