/**
 * A gRPC run's series: its calls under k6's grpc_req_duration family (scalebench_grpc_reqs_total,
 * scalebench_grpc_req_duration_p99, errors by status name), not under the HTTP names; its byte and
 * stream counters as scalebench_<counter>_total.
 */
import { describe, expect, it } from 'vitest';
import { MetricSeries } from '../../../../exporters/prometheus/metric-series.ts';

const names = { experiment: 'bench', variant: '127.0.0.1:50051/counter.Counter/Add', trial: 0 };

describe('the Prometheus series of a gRPC run', () => {
  it('names the calls grpc_*, errors by status, counters as totals', () => {
    const series = new MetricSeries();
    series.add({ type: 'trial-start', ...names, trials: 1, protocol: 'grpc', t: 0 });
    series.add({
      type: 'second',
      ...names,
      t: 1,
      point: {
        second: 0,
        warmup: false,
        requests: 10,
        errors: 2,
        p50: 2,
        p90: 5,
        p99: 40,
        elapsedSeconds: 1,
        totalRequests: 10,
        totalErrors: 2,
        targetRate: 10,
        errorsByClass: { UNAVAILABLE: 2 },
        counters: { grpcBytesSent: 120 },
      },
    });
    const samples = series.samples();
    const byName = (name: string) => samples.find((sample) => sample.labels.__name__ === name);
    expect(byName('scalebench_grpc_reqs_total')?.value).toBe(10);
    expect(byName('scalebench_grpc_req_duration_p99')?.value).toBe(0.04);
    expect(byName('scalebench_grpc_req_failed_rate')?.value).toBe(0.2);
    expect(byName('scalebench_grpc_req_errors_total')).toMatchObject({
      value: 2,
      labels: { class: 'UNAVAILABLE' },
    });
    expect(byName('scalebench_grpc_bytes_sent_total')?.value).toBe(120);
    expect(samples.filter((sample) => sample.labels.__name__.startsWith('scalebench_http_'))).toEqual([]);
  });
});
