/**
 * Each instance's share of the traffic per second (from x-served-by), for the variant whose fault
 * shows it best: the faulted variant with the most instances. A killed clone's share drops to zero
 * at the kill marker and moves to the others. Beside it, on the right axis, the flow's failures per
 * second (sessions lost, stale reads, ...) of that variant.
 */
import { metricsIn } from '../model/correctness-metrics.ts';
import type { ExperimentView, VariantView } from '../model/views.ts';
import { axisTitle, type ChartSpec, chartSpec, colorAt, titleOptions } from './chart-spec.ts';
import { faultMarkers, pointX, warmupEnd } from './timeline.ts';

function instancesOf(variant: VariantView): string[] {
  const names = new Set(variant.series.flatMap((point) => Object.keys(point.servedBy ?? {})));
  return [...names].sort();
}

export function shareVariant(experiment: ExperimentView): VariantView | undefined {
  const candidates = experiment.variants.filter(
    (variant) => variant.faults.length > 0 && instancesOf(variant).length >= 2,
  );
  return candidates.reduce<VariantView | undefined>(
    (best, variant) => (!best || instancesOf(variant).length > instancesOf(best).length ? variant : best),
    undefined,
  );
}

/** the run's seconds without the last, partial one (a few stragglers make a meaningless share) */
function fullSeconds(variant: VariantView) {
  const last = variant.series.at(-1);
  const typical = variant.series[Math.floor(variant.series.length / 2)]?.requests ?? 0;
  return last && last.requests < typical / 2 ? variant.series.slice(0, -1) : variant.series;
}

type Second = VariantView['series'][number];

/** each instance's share of the responses per second, one line an instance */
function shareLines(variant: VariantView, series: readonly Second[]) {
  return instancesOf(variant).map((instance, index) => ({
    label: `${instance} share (%)`,
    data: series.map((point) => {
      const counts = point.servedBy ?? {};
      const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
      // drawn at the end of its second, as on the live page: the share falls after the kill, not before
      return { x: pointX(point), y: total === 0 ? 0 : (100 * (counts[instance] ?? 0)) / total };
    }),
    borderColor: colorAt(index),
    backgroundColor: colorAt(index),
    borderWidth: 2,
    pointRadius: 0,
    yAxisID: 'share',
  }));
}

/** the flow's failures per second that the variant had, black and dashed on the right axis */
function failureLines(variant: VariantView, series: readonly Second[]) {
  const failing = metricsIn([variant]).filter((metric) =>
    series.some((point) => (point.counters?.[metric.violation] ?? 0) > 0),
  );
  return failing.map((metric, index) => ({
    label: `${metric.label} per second`,
    data: series.map((point) => ({ x: pointX(point), y: point.counters?.[metric.violation] ?? 0 })),
    borderColor: '#000000',
    backgroundColor: '#000000',
    borderWidth: 1.5,
    borderDash: index === 0 ? [6, 4] : [2, 3],
    pointRadius: 0,
    yAxisID: 'failures',
  }));
}

export function shareChart(experiment: ExperimentView): ChartSpec | null {
  const variant = shareVariant(experiment);
  if (!variant) return null;
  const series = fullSeconds(variant);
  const shares = shareLines(variant, series);
  const failures = failureLines(variant, series);
  const title = `${experiment.name}: each instance's share of the traffic (${variant.name})`;
  const single = { ...experiment, variants: [variant] };
  const options = {
    plugins: {
      ...titleOptions(
        title,
        'share of responses per second by x-served-by; red line: injected fault; dashed: failures',
      ),
      sbFaults: {
        faults: faultMarkers(single),
        warmupUntil: warmupEnd(single),
      },
    } as never,
    scales: {
      x: { type: 'linear', min: 0, title: axisTitle('seconds since the trial started') },
      share: {
        type: 'linear',
        position: 'left',
        min: 0,
        max: 100,
        title: axisTitle('share of responses (%)'),
      },
      failures: {
        type: 'linear',
        position: 'right',
        display: failures.length > 0,
        min: 0,
        grid: { drawOnChartArea: false },
        title: axisTitle('failures per second (dashed)'),
      },
    },
  } as const;
  return chartSpec(experiment.name, 'share', title, {
    type: 'line',
    data: { datasets: [...shares, ...failures] },
    options,
  });
}
