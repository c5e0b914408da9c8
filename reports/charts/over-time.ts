/**
 * What each variant's pattern does over time, beside latency: the cache hit ratio per second (from the
 * target's sampled cacheHits / cacheMisses), the flow's failures per second (stale reads, sessions
 * lost, ...) and the queue backlog (queueDepth). No chart when the experiment has none of these; the
 * title, subtitle and axes name only the series the experiment has. Time base as in timeline.ts.
 */
import { type CorrectnessMetric, metricsIn } from '../model/correctness-metrics.ts';
import type { ExperimentView, VariantView } from '../model/views.ts';
import { axisTitle, type ChartSpec, chartSpec, colorAt, titleOptions } from './chart-spec.ts';
import { faultMarkers, pointX } from './timeline.ts';

/** per-second hit ratio (%) from cumulative samples; null where the second saw no cache lookup */
export function hitRatioSeries(variant: VariantView): { x: number; y: number }[] {
  const hits = variant.extraSeries['cacheHits'];
  const misses = variant.extraSeries['cacheMisses'];
  if (!hits || !misses) return [];
  return hits.slice(1).flatMap((value, index) => {
    const hit = value - hits[index]!;
    const lookups = hit + (misses[index + 1]! - misses[index]!);
    // samples are taken at the end of each second (the first at 1 s): this delta ends at sample index + 1
    return lookups > 0 ? [{ x: index + 2, y: (100 * hit) / lookups }] : [];
  });
}

function line(label: string, color: string, data: { x: number; y: number }[], axis: string, dash?: number[]) {
  return {
    label,
    data,
    borderColor: color,
    backgroundColor: color,
    borderWidth: 2,
    pointRadius: 0,
    yAxisID: axis,
    ...(dash ? { borderDash: dash } : {}),
  };
}

/** one variant's lines: its hit ratio, failures per second and queue backlog, where it has them */
function variantLines(variant: VariantView, color: string, metrics: readonly CorrectnessMetric[]) {
  const ratio = hitRatioSeries(variant);
  const failures = metrics
    .filter((metric) => variant.series.some((point) => (point.counters?.[metric.violation] ?? 0) > 0))
    .map((metric) =>
      line(
        `${variant.name} ${metric.label}/s`,
        color,
        variant.series.map((point) => ({ x: pointX(point), y: point.counters?.[metric.violation] ?? 0 })),
        'count',
        [6, 4],
      ),
    );
  const backlog = variant.extraSeries['queueDepth'];
  return [
    ...(ratio.length > 0 ? [line(`${variant.name} hit ratio (%)`, color, ratio, 'ratio')] : []),
    ...failures,
    ...(backlog
      ? [
          line(
            `${variant.name} backlog (jobs)`,
            color,
            backlog.map((y, x) => ({ x: x + 1, y })),
            'count',
            [2, 3],
          ),
        ]
      : []),
  ];
}

/** time across; the hit ratio on the left axis where there is one, the counts beside it */
function overTimeScales(words: { count: string | null; ratio: boolean }) {
  const hasRatio = words.ratio;
  return {
    x: { type: 'linear', min: 0, title: axisTitle('seconds since the trial started') },
    ...(hasRatio
      ? {
          ratio: {
            type: 'linear' as const,
            position: 'left' as const,
            min: 0,
            max: 100,
            title: axisTitle('cache hit ratio (%)'),
          },
        }
      : {}),
    count: {
      type: 'linear',
      position: hasRatio ? 'right' : 'left',
      display: words.count !== null,
      min: 0,
      grid: { drawOnChartArea: !hasRatio },
      title: axisTitle(words.count ?? ''),
    },
  } as const;
}

export function overTimeChart(experiment: ExperimentView): ChartSpec | null {
  const metrics = metricsIn(experiment.variants);
  const datasets = experiment.variants.flatMap((variant, index) =>
    variantLines(variant, colorAt(index), metrics),
  );
  if (datasets.length === 0) return null;
  const words = overTimeWords(
    datasets.map((dataset) => dataset.label),
    metrics.map((metric) => metric.label),
  );
  const title = `${experiment.name}: ${words.title} over time`;
  const options = {
    plugins: {
      ...titleOptions(title, `first trial, per second; ${words.legend}`),
      sbFaults: { faults: faultMarkers(experiment), warmupUntil: null },
    } as never,
    scales: overTimeScales(words),
  } as const;
  return chartSpec(experiment.name, 'over-time', title, { type: 'line', data: { datasets }, options });
}

/**
 * The chart's words from the series it really has: a clones chart says "sessions lost", an async one
 * "jobs waiting", a caching one "hit ratio" — never a legend for lines that are not there.
 */
export function overTimeWords(
  labels: readonly string[],
  failureLabels: readonly string[],
): { title: string; legend: string; count: string | null; ratio: boolean } {
  const ratio = labels.some((label) => label.endsWith('hit ratio (%)'));
  const failures = failureLabels.filter((failure) => labels.some((label) => label.endsWith(` ${failure}/s`)));
  const backlog = labels.some((label) => label.endsWith('backlog (jobs)'));
  const parts = [
    ...(ratio ? [{ what: 'cache hit ratio', legend: 'solid: cache hit ratio (left axis)' }] : []),
    ...(failures.length > 0
      ? [{ what: failures.join(', '), legend: `dashed: ${failures.join(', ')} per second` }]
      : []),
    ...(backlog ? [{ what: 'queue backlog', legend: 'dotted: jobs waiting in the queue' }] : []),
  ];
  const counts = [
    ...(failures.length > 0 ? [`${failures.join(', ')} per second`] : []),
    ...(backlog ? ['jobs waiting'] : []),
  ];
  return {
    title: parts.map((part) => part.what).join(', '),
    legend: parts.map((part) => part.legend).join('; '),
    count: counts.length === 0 ? null : `${counts.join(' / ')}${ratio ? ' (right axis)' : ''}`,
    ratio,
  };
}
