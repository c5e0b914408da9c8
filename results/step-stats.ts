/**
 * Per-step results: merged exactly across shards and trials (histograms, not averaged percentiles), and
 * one step seen as a whole summary, so `compare --step` and tagged thresholds reuse what works on
 * summaries.
 */
import { ScalebenchError } from '../core/errors.ts';
import { addCounts } from './counts.ts';
import { createHistogram, decodeHistogram, mergeEncoded, summarizeHistogram } from './histogram.ts';
import type { StepStats, Summary } from './schema.ts';
import { boundStepNames, MAX_STEP_NAMES } from './step-names.ts';

function combine(into: StepStats | undefined, from: StepStats): StepStats {
  if (!into) return { ...from, errors: { ...from.errors } };
  const errors = { ...into.errors };
  addCounts(errors, from.errors);
  const merged: StepStats = { name: into.name, requests: into.requests + from.requests, errors };
  if (into.histograms && from.histograms) {
    const histograms = {
      response: mergeEncoded([into.histograms.response, from.histograms.response]),
      service: mergeEncoded([into.histograms.service, from.histograms.service]),
    };
    merged.histograms = histograms;
    merged.latency = {
      response: summarizeHistogram(decodeHistogram(histograms.response)),
      service: summarizeHistogram(decodeHistogram(histograms.service)),
    };
  }
  return merged;
}

/**
 * The steps of several shards or trials → one list, by name in first-seen order; past `limit` names,
 * into `other`. Latency is kept only when every part has histograms (files from before per-step
 * histograms have none).
 */
export function mergeStepStats(
  lists: readonly (readonly StepStats[])[],
  limit = MAX_STEP_NAMES,
): StepStats[] {
  const entries = lists.flatMap((steps) => steps.map((step): [string, StepStats] => [step.name, step]));
  return boundStepNames(entries, combine, limit).map(([name, step]) => ({ ...step, name }));
}

/** the step names of some summaries, sorted */
export function stepNames(summaries: readonly Summary[]): string[] {
  return [...new Set(summaries.flatMap((summary) => summary.steps.map((step) => step.name)))].sort();
}

export function unknownStepError(name: string, known: readonly string[], where: string): ScalebenchError {
  return new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `${where}: no step named '${name}' in the results`, {
    hint:
      known.length > 0
        ? `steps are: ${known.join(', ')}`
        : 'these results have no per-step data (flows name their requests: vu.request(name, …))',
  });
}

/**
 * One step as a Summary: its requests, errors, response and service times, its share of the rate. A
 * step missing from this summary (it never ran in this trial) is null.
 */
export function stepSummary(summary: Summary, name: string): Summary | null {
  const step = summary.steps.find((candidate) => candidate.name === name);
  if (!step) return null;
  const errors = Object.values(step.errors).reduce((sum, count) => sum + count, 0);
  const share = summary.requests > 0 ? step.requests / summary.requests : 0;
  const empty = summarizeHistogram(createHistogram());
  return {
    ...summary,
    requests: step.requests,
    errors,
    errorsByClass: step.errors,
    achievedRate: summary.durationSeconds > 0 ? step.requests / summary.durationSeconds : 0,
    targetRate: summary.targetRate === null ? null : summary.targetRate * share,
    latency: {
      response: step.latency?.response ?? empty,
      service: step.latency?.service ?? empty,
      scheduleLag: summary.latency.scheduleLag,
    },
    steps: [step],
  };
}
