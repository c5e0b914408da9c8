/**
 * p99 latency over time for the first trial of each variant, one line each on one log axis, with the
 * warm-up shaded and faults marked. One time base with the live page: the x axis counts seconds since
 * the trial started, warm-up included; a second's point sits at its end (the figure is known then, and a
 * fault inside the second shows from the next point on); a fault at the moment it happened.
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

/** where a series point is drawn: at the end of the second it counts */
export const pointX = (point: { second: number }) => point.second + 1;

/**
 * One marker per distinct fault moment (rounded to 0.1 s), labelled once with what happened and when on
 * the chart's own axis. Fault times count from the end of the warm-up, the axis from the trial's start:
 * the marker sits at warm-up + fault time. A fault that hit only some of the chart's variants names them,
 * so a line drawn across every variant says whose it is.
 */
export function faultMarkers(experiment: ExperimentView): FaultMarker[] {
  const offset = warmupEnd(experiment) ?? 0;
  const all = experiment.variants.length;
  return faultGroups(experiment.variants).map((group) => {
    const x = Math.round((group.at + offset) * 10) / 10;
    const whose = group.variants.length < all ? ` (${group.variants.join(', ')})` : '';
    return { x, label: `${group.description.replace(/ at .*$/, '')} @ ${formatSeconds(x)}${whose}` };
  });
}

export function warmupEnd(experiment: ExperimentView): number | null {
  const series = experiment.variants[0]?.series ?? [];
  const warm = series.filter((point) => point.warmup);
  return warm.length === 0 ? null : Math.max(...warm.map((point) => point.second)) + 1;
}

export function timelineChart(experiment: ExperimentView): ChartSpec {
  const datasets = experiment.variants.map((variant, index) => ({
    label: `${variant.name} p99 (ms)`,
    data: variant.series.map((point) => ({ x: pointX(point), y: Math.max(point.p99, 0.001) })),
    borderColor: colorAt(index),
    backgroundColor: colorAt(index),
    borderWidth: 2,
    pointRadius: 0,
    yAxisID: 'latency',
  }));
  const title = `${experiment.name}: p99 latency over time`;
  const options = {
    plugins: {
      ...titleOptions(
        title,
        'first trial, per second; shaded: warm-up; red lines: injected faults (with the variants they hit)',
      ),
      sbFaults: { faults: faultMarkers(experiment), warmupUntil: warmupEnd(experiment) },
    } as never,
    scales: {
      x: { type: 'linear', min: 0, title: axisTitle('seconds since the trial started') },
      latency: { type: 'logarithmic', position: 'left', title: axisTitle('p99 latency (ms, log scale)') },
    },
  } as const;
  return chartSpec(experiment.name, 'timeline', title, { type: 'line', data: { datasets }, options });
}
