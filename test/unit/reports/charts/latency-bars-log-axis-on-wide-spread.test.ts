/** Latency bars that span 20× or more (async: sync in seconds, queued in milliseconds) go on a log axis. */
import { describe, expect, it } from 'vitest';
import { latencyBarsChart } from '../../../../reports/charts/bars.ts';
import { buildReportView, type ExperimentView } from '../../../../reports/model/views.ts';
import { buildSuiteFixture } from '../../../helpers/results-fixtures.ts';

function withLatencies(latencies: [number, number][]): ExperimentView {
  const experiment = buildReportView(buildSuiteFixture({ trials: 1, seconds: 6, experiments: ['async'] }))
    .experiments[0]!;
  return {
    ...experiment,
    variants: experiment.variants.slice(0, latencies.length).map((variant, index) => ({
      ...variant,
      p50: { ...variant.p50, mean: latencies[index]![0] },
      p99: { ...variant.p99, mean: latencies[index]![1] },
    })),
  };
}

const yAxis = (experiment: ExperimentView) =>
  (
    (latencyBarsChart(experiment).config.options?.scales ?? {}) as Record<
      string,
      { type?: string; title: { text: string } }
    >
  )['y']!;

describe('latency bars', () => {
  it('use a log axis, and say so, when the bars span 20x or more', () => {
    const axis = yAxis(
      withLatencies([
        [900, 1870],
        [1.1, 13.8],
      ]),
    );
    expect(axis.type).toBe('logarithmic');
    expect(axis.title.text).toBe('response time (ms, log scale)');
  });

  it('stay linear from zero when they are comparable', () => {
    const axis = yAxis(
      withLatencies([
        [5, 40],
        [4, 30],
      ]),
    );
    expect(axis.type).toBeUndefined();
    expect(axis.title.text).toBe('response time (ms)');
  });
});
