/**
 * The named metrics of one trial, as thresholds and capacity search see them. Names follow k6 where
 * k6 has one (http_req_duration, http_req_failed, http_reqs, iterations, dropped_iterations, checks);
 * correctness figures, app counters and custom trends answer under their own names. The request
 * phases answer as k6 names them: http_req_connecting, http_req_tls_handshaking, http_req_waiting,
 * http_req_receiving. http_req_failed_outside_faults is http_req_failed over the measured seconds outside
 * each fault's window (results/fault-window.ts).
 */

import { type Aggregation, type MetricSource, STEP_METRICS } from '../../load-model/thresholds.ts';
import { errorsOutsideFaults } from '../../results/fault-window.ts';
import {
  decodeHistogram,
  type Histogram,
  percentileMs,
  summarizeHistogram,
} from '../../results/histogram.ts';
import { PHASE_METRICS } from '../../results/phases.ts';
import type { LatencyStats, TrialResult } from '../../results/schema.ts';
import { stepSummary } from '../../results/step-stats.ts';

type TrialMetrics = Pick<TrialResult, 'summary' | 'histograms' | 'counters' | 'correctness' | 'trends'> &
  Partial<Pick<TrialResult, 'phaseHistograms' | 'series' | 'faults'>>;

function fromHistogram(histogram: Histogram, stats: LatencyStats, aggregation: Aggregation): number | null {
  switch (aggregation.kind) {
    case 'percentile':
      return percentileMs(histogram, aggregation.percentile);
    case 'avg':
      return stats.mean;
    case 'min':
      return stats.min;
    case 'max':
      return stats.max;
    case 'med':
      return stats.p50;
    case 'count':
      return stats.count;
    default:
      return null;
  }
}

function latencyMetric(encoded: string, aggregation: Aggregation): number | null {
  const histogram = decodeHistogram(encoded);
  return fromHistogram(histogram, summarizeHistogram(histogram), aggregation);
}

function countMetric(count: number, denominator: number, aggregation: Aggregation): number | null {
  if (aggregation.kind === 'count' || aggregation.kind === 'value') return count;
  if (aggregation.kind === 'rate') return denominator === 0 ? 0 : count / denominator;
  return null;
}

/** One step of a trial as a whole trial of its own (its requests, errors, histograms); null when it did not run. */
function stepTrial(trial: TrialMetrics, name: string): TrialMetrics | null {
  const summary = stepSummary(trial.summary, name);
  const histograms = summary?.steps[0]?.histograms;
  if (!summary || !histograms) return null;
  return { ...trial, summary, histograms: { ...trial.histograms, ...histograms } };
}

export function trialMetricSource(trial: TrialMetrics): MetricSource {
  const { summary } = trial;
  return (metric, aggregation, step) => {
    if (step !== undefined && metric !== 'ws_reply' && !STEP_METRICS.includes(metric)) {
      const trend = trial.trends?.[`${metric}{name:${step}}`];
      return trend ? latencyMetric(trend.histogram, aggregation) : null;
    }
    if (step !== undefined) {
      const ofStep = stepTrial(trial, step);
      // a step's exchanges are its requests: ws_reply{name:…} is that step's response time
      const asked = metric === 'ws_reply' ? 'http_req_duration' : metric;
      return ofStep ? trialMetricSource(ofStep)(asked, aggregation) : null;
    }
    switch (metric) {
      case 'http_req_duration':
      // gRPC calls are requests of their steps: {name:Method} selects one (untagged: every request)
      case 'grpc_req_duration':
      case 'response_time':
      case 'ws_reply':
        if (metric === 'ws_reply' && trial.trends?.['ws_reply'])
          return latencyMetric(trial.trends['ws_reply'].histogram, aggregation);
        return latencyMetric(trial.histograms.response, aggregation);
      case 'service_time':
        return latencyMetric(trial.histograms.service, aggregation);
      case 'schedule_lag':
        return latencyMetric(trial.histograms.scheduleLag, aggregation);
      case 'http_req_failed':
        return countMetric(summary.errors, summary.requests, aggregation);
      case 'http_req_failed_outside_faults': {
        const outside = errorsOutsideFaults(trial.series ?? [], trial.faults ?? []);
        return countMetric(outside.errors, outside.requests, aggregation);
      }
      case 'http_reqs':
        return aggregation.kind === 'rate'
          ? summary.achievedRate
          : countMetric(summary.requests, 1, aggregation);
      case 'iterations':
        return countMetric(summary.iterations, 1, aggregation);
      case 'dropped_iterations':
        return countMetric(
          summary.droppedIterations,
          summary.iterations + summary.droppedIterations,
          aggregation,
        );
      case 'checks': {
        const totals = Object.values(summary.checks).reduce(
          (sum, check) => ({ passes: sum.passes + check.passes, all: sum.all + check.passes + check.fails }),
          { passes: 0, all: 0 },
        );
        return countMetric(totals.passes, totals.all, aggregation);
      }
      default:
        return namedMetric(trial, metric, aggregation);
    }
  };
}

function namedMetric(trial: TrialMetrics, metric: string, aggregation: Aggregation): number | null {
  const phase = PHASE_METRICS[metric];
  if (phase) return trial.phaseHistograms ? latencyMetric(trial.phaseHistograms[phase], aggregation) : null;
  const trend = trial.trends?.[metric];
  if (trend) return latencyMetric(trend.histogram, aggregation);
  const correctness = trial.correctness[metric];
  if (correctness !== undefined) return countMetric(correctness, trial.summary.iterations, aggregation);
  const counter = trial.counters[metric];
  if (counter !== undefined) return countMetric(counter, trial.summary.requests, aggregation);
  return null;
}
