/**
 * Latency and throughput over time for the first trial of each variant: p99 per second (solid, left
 * axis, log scale) and requests per second (dashed, right axis), with warm-up shaded and faults marked.
 */
import { faultGroups } from '../model/faults.ts';
import { formatSeconds } from '../model/units.ts';
import type { ExperimentView } from '../model/views.ts';
import {
  axisTitle,
  type ChartSpec,
  chartSpec,
  colorAt,
  type FaultMarker,
  titleOptions,
} from './chart-spec.ts';

/**
 * One marker per distinct fault moment (rounded to 0.1 s), labelled once with what happened. Fault
 * times count from the end of the warm-up, the series' seconds from the start of the run: the marker
 * sits at warm-up + fault time, where the series shows its effect.
 */
export function faultMarkers(experiment: ExperimentView): FaultMarker[] {
  const offset = warmupEnd(experiment) ?? 0;
  return faultGroups(experiment.variants).map((group) => ({
    x: Math.round((group.at + offset) * 10) / 10,
    // the axis counts the warm-up, the fault's own time does not: the label says which it gives
    label: `${group.description.replace(/ at .*$/, '')} @ ${formatSeconds(group.at)}${offset > 0 ? ' after warm-up' : ''}`,
  }));
}

export function warmupEnd(experiment: ExperimentView): number | null {
  const series = experiment.variants[0]?.series ?? [];
  const warm = series.filter((point) => point.warmup);
  return warm.length === 0 ? null : Math.max(...warm.map((point) => point.second)) + 1;
}

export function timelineChart(experiment: ExperimentView): ChartSpec {
  const datasets = experiment.variants.flatMap((variant, index) => [
    {
      label: `${variant.name} p99 (ms)`,
      data: variant.series.map((point) => ({ x: point.second, y: Math.max(point.p99, 0.001) })),
      borderColor: colorAt(index),
      backgroundColor: colorAt(index),
      borderWidth: 2,
      pointRadius: 0,
      yAxisID: 'latency',
    },
    {
      label: `${variant.name} req/s`,
      data: variant.series.map((point) => ({ x: point.second, y: point.requests })),
      borderColor: colorAt(index),
      backgroundColor: colorAt(index),
      borderWidth: 1.5,
      borderDash: [6, 4],
      pointRadius: 0,
      yAxisID: 'throughput',
    },
  ]);
  const title = `${experiment.name}: latency and throughput over time`;
  const options = {
    plugins: {
      ...titleOptions(title, 'first trial; shaded: warm-up; red lines: injected faults'),
      sbFaults: { faults: faultMarkers(experiment), warmupUntil: warmupEnd(experiment) },
    } as never,
    scales: {
      x: { type: 'linear', title: axisTitle('time (s)') },
      latency: { type: 'logarithmic', position: 'left', title: axisTitle('p99 latency (ms, log scale)') },
      throughput: {
        type: 'linear',
        position: 'right',
        min: 0,
        grid: { drawOnChartArea: false },
        title: axisTitle('throughput (req/s, dashed)'),
      },
    },
  } as const;
  return chartSpec(experiment.name, 'timeline', title, { type: 'line', data: { datasets }, options });
}
