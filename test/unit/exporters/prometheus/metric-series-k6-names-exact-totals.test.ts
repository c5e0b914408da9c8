import { describe, expect, it } from 'vitest';
import { MetricSeries, snakeCase } from '../../../../exporters/prometheus/metric-series.ts';
import type { LivePoint } from '../../../../results/live-events.ts';

const names = { experiment: 'clones', variant: 'stateless-2', trial: 0 };
const labels = { experiment: 'clones', variant: 'stateless-2', trial: '0', step: 'measured' };

function point(second: number, warmup: boolean, requests: number, extra: Partial<LivePoint> = {}): LivePoint {
  return {
    second,
    warmup,
    requests,
    errors: 0,
    p50: 2,
    p90: 5,
    p99: 10,
    elapsedSeconds: second + 1,
    totalRequests: 0,
    totalErrors: 0,
    targetRate: 30,
    ...extra,
  };
}

function value(series: MetricSeries, name: string, extra: Record<string, string> = {}): number | undefined {
  return series
    .samples()
    .find(
      (sample) =>
        sample.labels.__name__ === name &&
        Object.entries({ ...labels, ...extra }).every(([key, v]) => sample.labels[key] === v),
    )?.value;
}

describe('the Prometheus series of a run', () => {
  it('counts the measured seconds live, k6 names under scalebench_, durations in seconds', () => {
    const series = new MetricSeries();
    series.add({ type: 'second', ...names, point: point(0, true, 40), t: 1 });
    series.add({
      type: 'second',
      ...names,
      point: point(1, false, 100, {
        errors: 4,
        errorsByClass: { refused: 4 },
        counters: { sessionsLost: 2 },
      }),
      t: 2,
    });
    series.add({ type: 'sample', ...names, elapsedSeconds: 2, values: { queueDepth: 7 }, t: 3 });
    expect(value(series, 'scalebench_http_reqs_total')).toBe(100);
    expect(value(series, 'scalebench_http_req_failed_rate')).toBeCloseTo(0.04);
    expect(value(series, 'scalebench_http_req_errors_total', { class: 'refused' })).toBe(4);
    expect(value(series, 'scalebench_http_req_duration_p99')).toBeCloseTo(0.01);
    expect(value(series, 'scalebench_sessions_lost_total')).toBe(2);
    expect(value(series, 'scalebench_target_queue_depth')).toBe(7);
  });

  it('a finished trial sets every counter to the results file’s exact figures', () => {
    const series = new MetricSeries();
    series.add({ type: 'second', ...names, point: point(1, false, 100), t: 1 });
    series.add({
      type: 'trial-done',
      ...names,
      totals: {
        requests: 97,
        errors: 1,
        errorsByClass: { timeout: 1 },
        iterations: 30,
        droppedIterations: 0,
        p50: 2,
        p90: 6,
        p99: 12,
        correctness: { staleReads: 3 },
      },
      t: 2,
    });
    expect(value(series, 'scalebench_http_reqs_total')).toBe(97);
    expect(value(series, 'scalebench_iterations_total')).toBe(30);
    expect(value(series, 'scalebench_stale_reads_total')).toBe(3);
    expect(value(series, 'scalebench_http_req_duration_p90')).toBeCloseTo(0.006);
  });

  it('capacity steps are labelled step="capacity-<rate>"', () => {
    const series = new MetricSeries();
    series.add({
      type: 'capacity-step',
      experiment: 'clones',
      variant: 'stateless-4',
      rate: 80,
      p99Ms: 50,
      errorRate: 0,
      ok: true,
      hostIdle: 0.5,
      generatorCores: 0.3,
      t: 1,
    });
    expect(series.samples()[0]!.labels).toMatchObject({ step: 'capacity-80', trial: 'capacity' });
  });

  it('makes Prometheus names of camelCase counters', () => {
    expect(snakeCase('rywViolations')).toBe('ryw_violations');
    expect(snakeCase('jobsLost')).toBe('jobs_lost');
    expect(snakeCase('odd-name.x')).toBe('odd_name_x');
  });
});
