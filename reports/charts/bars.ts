/** Bar comparisons per experiment: p50 and p99 latency per variant; and correctness counts per variant. */
import { humanize } from '../model/units.ts';
import { correctnessKeys, type ExperimentView } from '../model/views.ts';
import { axisTitle, type ChartSpec, colorAt, titleOptions } from './chart-spec.ts';

export function latencyBarsChart(experiment: ExperimentView): ChartSpec {
  const labels = experiment.variants.map((variant) => variant.name);
  const title = `${experiment.name}: latency per variant`;
  const trials = Math.min(...experiment.variants.map((variant) => variant.trials));
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
        scales: { x: { title: axisTitle('variant') }, y: { min: 0, title: axisTitle('response time (ms)') } },
      },
    },
  };
}

export function correctnessChart(experiment: ExperimentView): ChartSpec | null {
  const keys = correctnessKeys(experiment);
  if (keys.length === 0) return null;
  const title = `${experiment.name}: correctness under load (${keys.map(humanize).join(', ')})`;
  return {
    id: `${experiment.name}-correctness`,
    kind: 'correctness',
    experiment: experiment.name,
    title,
    config: {
      type: 'bar',
      data: {
        labels: experiment.variants.map((variant) => variant.name),
        datasets: keys.map((key, index) => ({
          label: humanize(key),
          data: experiment.variants.map((variant) => variant.correctness[key] ?? 0),
          backgroundColor: colorAt(index + 1),
        })),
      },
      options: {
        plugins: titleOptions(title, 'total over all trials; lower is better, zero is correct'),
        scales: {
          x: { title: axisTitle('variant') },
          y: { min: 0, title: axisTitle('count'), ticks: { precision: 0 } },
        },
      },
    },
  };
}
