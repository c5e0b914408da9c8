/**
 * Replica lag over time next to the read-your-writes violations it causes, for the first trial of each
 * variant that has a replica: lag in ms per second (the target's peak of 50 ms samples; line, left axis)
 * and the flow's read-backs that did not show the reader's own write, per second (bars, right axis). No
 * chart when no variant sampled a lag.
 */
import type { ExperimentView, VariantView } from '../model/views.ts';
import { axisTitle, type ChartSpec, chartSpec, colorAt, titleOptions } from './chart-spec.ts';

const LAG = 'replicaLagMs';
const VIOLATIONS = 'rywViolations';

function hasReplica(variant: VariantView): boolean {
  return (variant.extraSeries[LAG] ?? []).some((value) => value > 0) || variant.counters[LAG] !== undefined;
}

export function replicaLagChart(experiment: ExperimentView): ChartSpec | null {
  const variants = experiment.variants.filter(hasReplica);
  if (variants.length === 0) return null;
  const datasets = variants.flatMap((variant) => {
    const index = experiment.variants.indexOf(variant);
    const lag = (variant.extraSeries[LAG] ?? []).map((value, second) => ({ x: second, y: value }));
    const violations = variant.series.map((point) => ({
      x: point.second,
      y: point.counters?.[VIOLATIONS] ?? 0,
    }));
    return [
      {
        type: 'line' as const,
        label: `${variant.name}: replica lag (ms)`,
        data: lag,
        borderColor: colorAt(index),
        backgroundColor: colorAt(index),
        borderWidth: 2,
        pointRadius: 0,
        yAxisID: 'lag',
      },
      {
        type: 'bar' as const,
        label: `${variant.name}: read-your-writes violations`,
        data: violations,
        backgroundColor: `${colorAt(index + 1)}99`,
        yAxisID: 'misses',
      },
    ];
  });
  const title = `${experiment.name}: replica lag and read-your-writes violations over time`;
  const options = {
    plugins: titleOptions(title, 'first trial; lag: peak of 50 ms samples per second; bars: per second'),
    scales: {
      x: { type: 'linear', title: axisTitle('time (s)') },
      lag: { type: 'linear', position: 'left', min: 0, title: axisTitle('replica lag (ms)') },
      misses: {
        type: 'linear',
        position: 'right',
        min: 0,
        ticks: { precision: 0 },
        grid: { drawOnChartArea: false },
        title: axisTitle('read-your-writes violations (per s)'),
      },
    },
  } as const;
  return chartSpec(experiment.name, 'replica-lag', title, {
    type: 'line',
    data: { datasets },
    options,
  } as never);
}
