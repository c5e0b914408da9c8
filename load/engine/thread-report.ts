/** What one thread measured, as plain serializable data (posted by worker threads, merged by the main one). */
import { encodeHistogram } from '../../results/histogram.ts';
import { PHASES } from '../../results/phases.ts';
import type { EncodedHistograms, PhaseHistograms, StepHistograms } from '../../results/schema.ts';
import type { WireProtocol } from '../http/types.ts';
import type { Accumulated } from './metrics.ts';
import type { SecondPoint } from './second-buckets.ts';

/** one step's counts and encoded histograms */
export interface StepReport {
  requests: number;
  errors: Record<string, number>;
  histograms: StepHistograms;
}

export interface ThreadReport {
  requests: number;
  errors: number;
  errorsByClass: Record<string, number>;
  iterations: number;
  droppedIterations: number;
  histograms: EncodedHistograms;
  /** request phases; absent when the client measured none */
  phases?: PhaseHistograms;
  /** the wire protocol the client spoke */
  protocol?: WireProtocol;
  checks: Record<string, { passes: number; fails: number }>;
  /** by step name, in first-seen order */
  steps: Record<string, StepReport>;
  servedBy: Record<string, number>;
  counters: Record<string, number>;
  trends: Record<string, string>;
  series: SecondPoint[];
  /** ms of schedule that ran (warm-up included) */
  ranMs: number;
  eventLoopDelayP99Ms: number;
  vusCreated: number;
  /** iterations still running when the graceful stop ran out (their latency is past it, unrecorded) */
  unfinishedIterations: number;
  firstFlowError?: string;
}

export function toThreadReport(
  data: Accumulated,
  extra: {
    ranMs: number;
    eventLoopDelayP99Ms: number;
    vusCreated: number;
    unfinishedIterations: number;
    firstFlowError: string | undefined;
    protocol?: WireProtocol;
  },
): ThreadReport {
  const trends: Record<string, string> = {};
  for (const [name, histogram] of Object.entries(data.trends)) trends[name] = encodeHistogram(histogram);
  const phases = data.phases;
  const steps: Record<string, StepReport> = {};
  for (const step of data.steps) {
    steps[step.name] = {
      requests: step.requests,
      errors: step.errors,
      histograms: {
        response: encodeHistogram(step.response ?? data.response),
        service: encodeHistogram(step.service),
      },
    };
  }
  return {
    requests: data.requests,
    errors: data.errors,
    errorsByClass: data.errorsByClass,
    iterations: data.iterations,
    droppedIterations: data.droppedIterations,
    histograms: {
      response: encodeHistogram(data.response),
      service: encodeHistogram(data.service),
      scheduleLag: encodeHistogram(data.scheduleLag),
    },
    ...(phases === null
      ? {}
      : {
          phases: Object.fromEntries(
            PHASES.map((phase) => [phase, encodeHistogram(phases[phase])]),
          ) as PhaseHistograms,
        }),
    ...(extra.protocol === undefined ? {} : { protocol: extra.protocol }),
    checks: data.checks,
    steps,
    servedBy: data.servedBy,
    counters: data.counters,
    trends,
    series: data.series,
    ranMs: extra.ranMs,
    eventLoopDelayP99Ms: extra.eventLoopDelayP99Ms,
    vusCreated: extra.vusCreated,
    unfinishedIterations: extra.unfinishedIterations,
    ...(extra.firstFlowError === undefined ? {} : { firstFlowError: extra.firstFlowError }),
  };
}
