/**
 * The one merge of load results: the parts of a run that ran side by side (the shards of a sharded
 * bench, the worker threads of one machine) or one after another (the trials of `bench --trials N`).
 * Counts add up, histograms merge exactly and latency is recomputed from the merged histograms, the
 * WebSocket and event-stream metrics' too (merge-stream-metrics.ts). What the arrangement changes: side
 * by side, the duration is the longest part's and rates add up; one after another, durations add up,
 * the achieved rate is the mean and the target rate the first part's.
 */
import { addChecks, addCounts, type CheckCounts, type Counts } from './counts.ts';
import {
  decodeHistogram,
  mergeEncodedSets,
  mergePhaseSets,
  summarizeHistogram,
  summarizePhases,
} from './histogram.ts';
import { mergeStreamMetrics } from './merge-stream-metrics.ts';
import type { RunResult, StepStats, StreamMetrics, Summary } from './schema.ts';
import { mergeStepStats } from './step-stats.ts';

export type Arrangement = 'side-by-side' | 'one-after-another';

/** the counts every kind of part carries (a summary, a worker thread's report) */
export interface Totals {
  requests: number;
  errors: number;
  errorsByClass: Counts;
  iterations: number;
  droppedIterations: number;
  servedBy: Counts;
  checks: CheckCounts;
}

/** Adds one part's counts into the merged ones. */
export function addTotals(into: Totals, from: Totals): void {
  into.requests += from.requests;
  into.errors += from.errors;
  into.iterations += from.iterations;
  into.droppedIterations += from.droppedIterations;
  addCounts(into.errorsByClass, from.errorsByClass);
  addCounts(into.servedBy, from.servedBy);
  addChecks(into.checks, from.checks);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/**
 * Steps one after another keep their counts only (the trials keep their own step latency): by name in
 * first-seen order, every name kept.
 */
function stepCounts(summaries: readonly Summary[]): StepStats[] {
  const counts = summaries.map((summary) =>
    summary.steps.map(({ name, requests, errors }): StepStats => ({ name, requests, errors })),
  );
  return mergeStepStats(counts, Number.POSITIVE_INFINITY);
}

/** `labels[i]` names part i in the merged invalid reasons ('shard 0/2', 'trial 1') */
function mergeSummaries(
  summaries: readonly Summary[],
  histograms: RunResult['histograms'],
  arrangement: Arrangement,
  labels: readonly string[],
): Summary {
  const sideBySide = arrangement === 'side-by-side';
  const rates = summaries.map((s) => s.achievedRate);
  const targets = summaries.map((s) => s.targetRate);
  const merged: Summary = {
    durationSeconds: sideBySide
      ? Math.max(...summaries.map((s) => s.durationSeconds))
      : sum(summaries.map((s) => s.durationSeconds)),
    requests: 0,
    errors: 0,
    errorsByClass: {},
    iterations: 0,
    droppedIterations: 0,
    achievedRate: sideBySide ? sum(rates) : sum(rates) / rates.length,
    targetRate: sideBySide ? (targets.includes(null) ? null : sum(targets.map((t) => t ?? 0))) : targets[0]!,
    latency: {
      response: summarizeHistogram(decodeHistogram(histograms.response)),
      service: summarizeHistogram(decodeHistogram(histograms.service)),
      scheduleLag: summarizeHistogram(decodeHistogram(histograms.scheduleLag)),
    },
    checks: {},
    steps: sideBySide ? mergeStepStats(summaries.map((s) => s.steps)) : stepCounts(summaries),
    servedBy: {},
    valid: summaries.every((s) => s.valid),
    invalidReasons: summaries.flatMap((s, index) =>
      s.invalidReasons.map((reason) => `${labels[index]}: ${reason}`),
    ),
  };
  for (const summary of summaries) addTotals(merged, summary);
  return merged;
}

/**
 * At least one part: its summary, histograms, phase histograms, protocol and WebSocket/event-stream
 * metrics merged (the series is the caller's).
 */
export function mergeRuns(
  runs: readonly (RunResult & StreamMetrics)[],
  arrangement: Arrangement,
  labels: readonly string[],
): Omit<RunResult, 'series' | 'grpc'> & StreamMetrics {
  const histograms = mergeEncodedSets(runs.map((run) => run.histograms));
  const phaseHistograms = mergePhaseSets(
    runs.flatMap((run) => (run.phaseHistograms ? [run.phaseHistograms] : [])),
  );
  const protocol = runs.find((run) => run.protocol !== undefined)?.protocol;
  const summary = mergeSummaries(
    runs.map((run) => run.summary),
    histograms,
    arrangement,
    labels,
  );
  return {
    summary: phaseHistograms ? { ...summary, phases: summarizePhases(phaseHistograms) } : summary,
    histograms,
    ...(phaseHistograms ? { phaseHistograms } : {}),
    ...(protocol ? { protocol } : {}),
    ...mergeStreamMetrics(runs),
  };
}
