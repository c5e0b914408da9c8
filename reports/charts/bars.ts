/** Bar comparisons per experiment: p50 and p99 latency per variant; and correctness failures per variant. */
import { type CorrectnessMetric, hasRates, metricsIn, shareOf } from '../model/correctness-metrics.ts';
import type { ExperimentView } from '../model/views.ts';
import { axisTitle, type ChartSpec, colorAt, titleOptions } from './chart-spec.ts';

/** a spread at least this wide (largest over smallest bar) is drawn on a log axis */
const LOG_SPREAD = 20;

/**
 * p50 and p99 per variant. When the bars span more than LOG_SPREAD× (async: sync's seconds beside queued's
 * milliseconds) the axis is logarithmic, so the small bars stay visible, and its title says so.
 */
export function latencyBarsChart(experiment: ExperimentView): ChartSpec {
  const labels = experiment.variants.map((variant) => variant.name);
  const title = `${experiment.name}: latency per variant`;
  const trials = Math.min(...experiment.variants.map((variant) => variant.trials));
  const values = experiment.variants.flatMap((v) => [v.p50.mean, v.p99.mean]).filter((value) => value > 0);
  const log = values.length > 0 && Math.max(...values) / Math.min(...values) >= LOG_SPREAD;
  return {
    id: `${experiment.name}-bars`,
    kind: 'bars',
    experiment: experiment.name,
    title,
    config: {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: 'p50', data: experiment.variants.map((v) => v.p50.mean), backgroundColor: colorAt(0) },
          { label: 'p99', data: experiment.variants.map((v) => v.p99.mean), backgroundColor: colorAt(3) },
        ],
      },
      options: {
        plugins: titleOptions(title, trials >= 2 ? `mean over ${trials} trials` : undefined),
        scales: {
          x: { title: axisTitle('variant') },
          y: log
            ? { type: 'logarithmic', title: axisTitle('response time (ms, log scale)') }
            : { min: 0, title: axisTitle('response time (ms)') },
        },
      },
    },
  };
}

/**
 * True failures only (sessions lost, stale reads, jobs lost, ...), as shares of their totals when every
 * charted metric has one, else as counts; metrics that stayed at zero everywhere, and totals, are left out.
 * No chart when nothing failed.
 */
export function correctnessChart(experiment: ExperimentView): ChartSpec | null {
  const variants = experiment.variants;
  const metrics = metricsIn(variants).filter((metric) =>
    variants.some((variant) => shareOf(variant, metric).count > 0),
  );
  if (metrics.length === 0) return null;
  const asRates = metrics.every((metric) => hasRates(variants, metric));
  const value = (variant: (typeof variants)[number], metric: CorrectnessMetric) => {
    const share = shareOf(variant, metric);
    return asRates ? 100 * (share.rate ?? 0) : share.count;
  };
  const title = `${experiment.name}: failures under load (${metrics.map((metric) => metric.label).join(', ')})`;
  const subtitle = asRates
    ? `share of ${metrics.map((metric) => metric.unit).join(' / ')}, all trials; zero is correct`
    : 'count over all trials; zero is correct';
  return {
    id: `${experiment.name}-correctness`,
    kind: 'correctness',
    experiment: experiment.name,
    title,
    config: {
      type: 'bar',
      data: {
        labels: variants.map((variant) => variant.name),
        datasets: metrics.map((metric, index) => ({
          label: asRates ? `${metric.label} (% of ${metric.unit})` : metric.label,
          data: variants.map((variant) => value(variant, metric)),
          backgroundColor: colorAt(index + 1),
        })),
      },
      options: {
        plugins: titleOptions(title, subtitle),
        scales: {
          x: { title: axisTitle('variant') },
          y: asRates
            ? { min: 0, title: axisTitle('% failed') }
            : { min: 0, title: axisTitle('count'), ticks: { precision: 0 } },
        },
      },
    },
  };
}
