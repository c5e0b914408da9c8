/**
 * Pure merge of per-thread reports, side by side: the counts every part carries add up as in the one
 * merge (results/merge-runs.ts), histograms merge exactly, series merge by second.
 */
import { addCounts } from '../../results/counts.ts';
import {
  decodeHistogram,
  encodeHistogram,
  mergeEncoded,
  mergeEncodedSets,
  mergeHistograms,
  mergePhaseSets,
  percentileMs,
} from '../../results/histogram.ts';
import { addTotals } from '../../results/merge-runs.ts';
import type { SeriesPoint } from '../../results/schema.ts';
import { boundStepNames } from '../../results/step-names.ts';
import type { SecondPoint } from './second-buckets.ts';
import type { StepReport, ThreadReport } from './thread-report.ts';

/** Series of several threads → one: per second, requests and errors add, percentiles from merged histograms. */
export function mergeSeries(all: readonly SecondPoint[][]): SeriesPoint[] {
  if (all.length === 1) return all[0]!.map(({ histogram: _histogram, ...point }) => point);
  const bySecond = new Map<number, SecondPoint[]>();
  for (const series of all) {
    for (const point of series) {
      const list = bySecond.get(point.second) ?? [];
      list.push(point);
      bySecond.set(point.second, list);
    }
  }
  return [...bySecond.entries()]
    .sort(([a], [b]) => a - b)
    .map(([second, points]) => mergeSecond(second, points));
}

export function mergeSecond(second: number, points: readonly SecondPoint[]): SeriesPoint {
  const encoded = points.flatMap((point) => (point.histogram ? [point.histogram] : []));
  const histogram = mergeHistograms(encoded.map(decodeHistogram));
  return {
    second,
    warmup: points.some((point) => point.warmup),
    requests: points.reduce((sum, point) => sum + point.requests, 0),
    errors: points.reduce((sum, point) => sum + point.errors, 0),
    p50: encoded.length > 0 ? percentileMs(histogram, 50) : (points[0]?.p50 ?? 0),
    ...(encoded.length > 0 ? { p90: percentileMs(histogram, 90) } : {}),
    p99: encoded.length > 0 ? percentileMs(histogram, 99) : (points[0]?.p99 ?? 0),
    ...sumOf(points, 'servedBy'),
    ...sumOf(points, 'counters'),
    ...sumOf(points, 'errorsByClass'),
  };
}

/** the second's responses per instance, flow counters or errors by class, summed over threads; absent when none */
function sumOf(
  points: readonly SecondPoint[],
  field: 'servedBy' | 'counters' | 'errorsByClass',
): Partial<SeriesPoint> {
  const present = points.flatMap((point) => (point[field] ? [point[field]] : []));
  if (present.length === 0) return {};
  const sum: Record<string, number> = {};
  for (const counts of present) {
    for (const [key, count] of Object.entries(counts)) sum[key] = (sum[key] ?? 0) + count;
  }
  return { [field]: sum };
}

/** Two reports of one step (or of two steps folded into `other`) → one: counts add, histograms merge. */
function addStep(into: StepReport | undefined, from: StepReport): StepReport {
  if (!into) return { requests: from.requests, errors: { ...from.errors }, histograms: from.histograms };
  addCounts(into.errors, from.errors);
  return {
    requests: into.requests + from.requests,
    errors: into.errors,
    histograms: {
      response: mergeEncoded([into.histograms.response, from.histograms.response]),
      service: mergeEncoded([into.histograms.service, from.histograms.service]),
    },
  };
}

/** Steps of several threads by name; past MAX_STEP_NAMES names (threads saw different ones), into `other`. */
export function mergeSteps(all: readonly Record<string, StepReport>[]): Record<string, StepReport> {
  const byName = new Map<string, StepReport[]>();
  for (const steps of all) {
    for (const [name, step] of Object.entries(steps)) byName.set(name, [...(byName.get(name) ?? []), step]);
  }
  const merged = [...byName.entries()].map(([name, list]): [string, StepReport] => [
    name,
    {
      requests: list.reduce((sum, step) => sum + step.requests, 0),
      errors: list.reduce<Record<string, number>>((sum, step) => {
        addCounts(sum, step.errors);
        return sum;
      }, {}),
      histograms: {
        response: mergeEncoded(list.map((step) => step.histograms.response)),
        service: mergeEncoded(list.map((step) => step.histograms.service)),
      },
    },
  ]);
  return Object.fromEntries(boundStepNames(merged, addStep));
}

export function mergeReports(reports: readonly ThreadReport[]): ThreadReport & { series: SecondPoint[] } {
  if (reports.length === 1) return reports[0]!;
  const merged: ThreadReport = {
    requests: 0,
    errors: 0,
    errorsByClass: {},
    iterations: 0,
    droppedIterations: 0,
    histograms: mergeEncodedSets(reports.map((report) => report.histograms)),
    checks: {},
    steps: mergeSteps(reports.map((report) => report.steps)),
    servedBy: {},
    counters: {},
    trends: {},
    series: mergeSeries(reports.map((report) => report.series)),
    ranMs: Math.max(...reports.map((report) => report.ranMs)),
    eventLoopDelayP99Ms: Math.max(...reports.map((report) => report.eventLoopDelayP99Ms)),
    vusCreated: 0,
    unfinishedIterations: 0,
  };
  const trendNames = new Set<string>();
  for (const report of reports) {
    addTotals(merged, report);
    merged.vusCreated += report.vusCreated;
    merged.unfinishedIterations += report.unfinishedIterations;
    addCounts(merged.counters, report.counters);
    for (const name of Object.keys(report.trends)) trendNames.add(name);
    merged.firstFlowError ??= report.firstFlowError;
  }
  for (const name of trendNames) {
    merged.trends[name] = mergeEncoded(reports.flatMap((report) => report.trends[name] ?? []));
  }
  const phases = mergePhaseSets(reports.flatMap((report) => (report.phases ? [report.phases] : [])));
  if (phases) merged.phases = phases;
  const protocol = reports.find((report) => report.protocol !== undefined)?.protocol;
  if (protocol) merged.protocol = protocol;
  return merged;
}

export { encodeHistogram };
