/**
 * Latency by percentile, HdrHistogram style: the x axis counts "nines" (90% → 1, 99% → 2, 99.9% → 3),
 * so the tail gets as much room as the median; one line per variant from its merged histogram.
 */
import { percentileMs } from '../../results/histogram.ts';
import { type ExperimentView, mergedResponseHistogram } from '../model/views.ts';
import { axisTitle, type ChartSpec, chartSpec, colorAt, titleOptions } from './chart-spec.ts';

const STEP = 0.05;

/** [nines, ms] points up to the percentile the sample size supports, then the maximum. */
export function spectrumPoints(encodedVariant: Parameters<typeof mergedResponseHistogram>[0]) {
  const histogram = mergedResponseHistogram(encodedVariant);
  const count = histogram.totalCount;
  if (count === 0) return [];
  const maxNines = Math.max(1, Math.min(5, Math.floor(Math.log10(count) * 10) / 10));
  const points: { x: number; y: number }[] = [];
  for (let nines = 0; nines <= maxNines + 1e-9; nines += STEP) {
    const percentile = 100 * (1 - 10 ** -nines);
    points.push({ x: Math.round(nines * 100) / 100, y: percentileMs(histogram, percentile) });
  }
  points.push({ x: Math.round((maxNines + 0.25) * 100) / 100, y: histogram.maxValue / 1000 });
  return points;
}

export function spectrumChart(experiment: ExperimentView): ChartSpec {
  const lines = experiment.variants.map((variant) => spectrumPoints(variant));
  const maxX = Math.max(1, ...lines.map((points) => points.at(-1)?.x ?? 0));
  const datasets = experiment.variants.map((variant, index) => ({
    label: variant.name,
    data: lines[index]!,
    borderColor: colorAt(index),
    backgroundColor: colorAt(index),
    borderWidth: 2,
    pointRadius: 0,
    tension: 0,
  }));
  const title = `${experiment.name}: latency by percentile`;
  const options = {
    plugins: {
      ...titleOptions(title, 'response time, all trials merged; the last point of each line is the maximum'),
      sbNines: { axis: 'x' },
    } as never,
    scales: {
      x: {
        type: 'linear',
        min: 0,
        max: maxX,
        ticks: { stepSize: 1, includeBounds: false },
        title: axisTitle('percentile'),
      },
      y: { type: 'logarithmic', title: axisTitle('latency (ms, log scale)') },
    },
  } as const;
  return chartSpec(experiment.name, 'spectrum', title, { type: 'line', data: { datasets }, options });
}
