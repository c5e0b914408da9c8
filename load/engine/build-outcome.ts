/**
 * From the merged thread report to what runLoad returns: the RunResult of results/schema.ts
 * (summary, encoded histograms, series) plus custom counters and trends, with the saturation verdict.
 */

import type { LoadPlan } from '../../load-model/plan/load-plan.ts';
import { buildProfile, plannedRate } from '../../load-model/plan/profile.ts';
import {
  countAboveMs,
  decodeHistogram,
  summarizeHistogram,
  summarizePhases,
} from '../../results/histogram.ts';
import type { LatencyStats, RunResult, StepStats, Summary } from '../../results/schema.ts';
import { mergeSeries } from './merge-reports.ts';
import { saturationReasons } from './saturation.ts';
import type { ThreadReport } from './thread-report.ts';

export interface RunOutcome extends RunResult {
  /** custom counters from flows (sessionsLost, staleReads, rywViolations, flowErrors, ...) */
  counters: Record<string, number>;
  /** custom trends from flows (e.g. jobLatencyMs), summarized in ms */
  trends: Record<string, LatencyStats>;
  /** the same trends as encoded HdrHistograms (µs), for exact merging across trials */
  trendHistograms: Record<string, string>;
  /** stopped early by the abort signal */
  interrupted: boolean;
  /** describePlan(plan) */
  plan: string;
  vusCreated: number;
  /** iterations still running when the graceful stop ran out: not in the figures, slower than it */
  unfinishedIterations: number;
  eventLoopDelayP99Ms: number;
  /** the first exception a flow threw (flowErrors counts them) */
  firstFlowError?: string;
}

/** Planned iterations per second over the measured part; null for closed models. */
export function targetRate(plan: LoadPlan): number | null {
  return plannedRate(buildProfile(plan.executor, 0));
}

/** each step's counts and latency, summarized from its histograms */
function stepStats(report: ThreadReport): StepStats[] {
  return Object.entries(report.steps).map(([name, step]) => ({
    name,
    requests: step.requests,
    errors: step.errors,
    latency: {
      response: summarizeHistogram(decodeHistogram(step.histograms.response)),
      service: summarizeHistogram(decodeHistogram(step.histograms.service)),
    },
    histograms: step.histograms,
  }));
}

export function buildOutcome(
  options: LoadPlan,
  report: ThreadReport,
  extra: { interrupted: boolean; plan: string },
): RunOutcome {
  const measuredMs = Math.max(0, report.ranMs - options.warmupMs);
  const durationSeconds = measuredMs / 1000;
  const lagHistogram = decodeHistogram(report.histograms.scheduleLag);
  const latency = {
    response: summarizeHistogram(decodeHistogram(report.histograms.response)),
    service: summarizeHistogram(decodeHistogram(report.histograms.service)),
    scheduleLag: summarizeHistogram(lagHistogram),
  };
  const invalidReasons = saturationReasons(
    options.saturation,
    latency.scheduleLag.p99,
    report.eventLoopDelayP99Ms,
    (maxLagMs) => countAboveMs(lagHistogram, maxLagMs),
  );
  const summary: Summary = {
    durationSeconds,
    requests: report.requests,
    errors: report.errors,
    errorsByClass: report.errorsByClass,
    iterations: report.iterations,
    droppedIterations: report.droppedIterations,
    achievedRate: durationSeconds > 0 ? report.iterations / durationSeconds : 0,
    targetRate: targetRate(options),
    latency,
    checks: report.checks,
    steps: stepStats(report),
    servedBy: report.servedBy,
    valid: invalidReasons.length === 0,
    invalidReasons,
    ...(report.phases ? { phases: summarizePhases(report.phases) } : {}),
  };
  const trends: Record<string, LatencyStats> = {};
  for (const [name, encoded] of Object.entries(report.trends))
    trends[name] = summarizeHistogram(decodeHistogram(encoded));
  return {
    summary,
    histograms: report.histograms,
    ...(report.phases ? { phaseHistograms: report.phases } : {}),
    ...(report.protocol ? { protocol: report.protocol } : {}),
    series: mergeSeries([report.series]),
    counters: report.counters,
    trends,
    trendHistograms: report.trends,
    interrupted: extra.interrupted,
    plan: extra.plan,
    vusCreated: report.vusCreated,
    unfinishedIterations: report.unfinishedIterations,
    eventLoopDelayP99Ms: report.eventLoopDelayP99Ms,
    ...(report.firstFlowError === undefined ? {} : { firstFlowError: report.firstFlowError }),
  };
}
