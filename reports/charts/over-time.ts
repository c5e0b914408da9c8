/**
 * What each variant's pattern does over time, beside latency: the cache hit ratio per second (from the
 * target's sampled cacheHits / cacheMisses), the flow's failures per second (stale reads, sessions
 * lost, ...) and the queue backlog (queueDepth). No chart when the experiment has none of these.
 */
import { metricsIn } from '../model/correctness-metrics.ts';
import type { ExperimentView, VariantView } from '../model/views.ts';
import { axisTitle, type ChartSpec, chartSpec, colorAt, titleOptions } from './chart-spec.ts';
import { faultMarkers } from './timeline.ts';

/** per-second hit ratio (%) from cumulative samples; null where the second saw no cache lookup */
export function hitRatioSeries(variant: VariantView): { x: number; y: number }[] {
  const hits = variant.extraSeries['cacheHits'];
  const misses = variant.extraSeries['cacheMisses'];
  if (!hits || !misses) return [];
  return hits.slice(1).flatMap((value, index) => {
    const hit = value - hits[index]!;
    const lookups = hit + (misses[index + 1]! - misses[index]!);
    return lookups > 0 ? [{ x: index + 1, y: (100 * hit) / lookups }] : [];
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

export function overTimeChart(experiment: ExperimentView): ChartSpec | null {
  const metrics = metricsIn(experiment.variants);
  const datasets = experiment.variants.flatMap((variant, index) => {
    const color = colorAt(index);
    const ratio = hitRatioSeries(variant);
    const failures = metrics
      .filter((metric) => variant.series.some((point) => (point.counters?.[metric.violation] ?? 0) > 0))
      .map((metric) =>
        line(
          `${variant.name} ${metric.label}/s`,
          color,
          variant.series.map((point) => ({ x: point.second, y: point.counters?.[metric.violation] ?? 0 })),
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
  });
  if (datasets.length === 0) return null;
  const hasRatio = datasets.some((dataset) => dataset.yAxisID === 'ratio');
  const title = `${experiment.name}: hit ratio, failures and backlog over time`;
  const options = {
    plugins: {
      ...titleOptions(title, 'first trial, per second; solid: hit ratio (left); dashed: counts (right)'),
      sbFaults: { faults: faultMarkers(experiment), warmupUntil: null },
    } as never,
    scales: {
      x: { type: 'linear', title: axisTitle('time (s)') },
      ...(hasRatio
        ? {
            ratio: {
              type: 'linear' as const,
              position: 'left' as const,
              min: 0,
              max: 100,
              title: axisTitle('hit ratio (%)'),
            },
          }
        : {}),
      count: {
        type: 'linear',
        position: hasRatio ? 'right' : 'left',
        min: 0,
        grid: { drawOnChartArea: !hasRatio },
        title: axisTitle('per second / jobs waiting'),
      },
    },
  } as const;
  return chartSpec(experiment.name, 'over-time', title, { type: 'line', data: { datasets }, options });
}
