import { describe, expect, it } from 'vitest';
import { mergeReports } from '../../../../load/engine/merge-reports.ts';
import { MetricsAccumulator } from '../../../../load/engine/metrics.ts';
import { toThreadReport } from '../../../../load/engine/thread-report.ts';
import { createHistogram, decodeHistogram, recordMs } from '../../../../results/histogram.ts';

function threadWith(latencies: number[], servedBy: string) {
  const metrics = new MetricsAccumulator({ startAt: 0, warmupMs: 0, encodeSeconds: true });
  latencies.forEach((ms, i) => {
    metrics.addRequest(
      metrics.stepIndex('get'),
      i,
      i + 0.5,
      i + ms,
      ms > 50 ? 'status_5xx' : undefined,
      servedBy,
    );
    metrics.addIteration(i);
  });
  metrics.count('staleReads', 1, 0);
  metrics.trend('jobLatencyMs', latencies[0]!, 0);
  return toThreadReport(metrics.close(), {
    ranMs: 1000,
    eventLoopDelayP99Ms: 1,
    vusCreated: 2,
    unfinishedIterations: 0,
    firstFlowError: undefined,
  });
}

describe('merging thread reports', () => {
  it('equals one thread that saw every request: counts, histograms and trends', () => {
    const a = [1, 2, 3, 80];
    const b = [4, 5, 60];
    const merged = mergeReports([threadWith(a, 'x'), threadWith(b, 'y')]);
    const single = createHistogram();
    for (const ms of [...a, ...b]) recordMs(single, ms);
    const response = decodeHistogram(merged.histograms.response);
    expect(response.totalCount).toBe(7);
    for (const p of [50, 90, 99, 100])
      expect(response.getValueAtPercentile(p)).toBe(single.getValueAtPercentile(p));
    expect(merged.requests).toBe(7);
    expect(merged.errorsByClass).toEqual({ status_5xx: 2 });
    expect(merged.steps['get']).toMatchObject({ requests: 7, errors: { status_5xx: 2 } });
    expect(decodeHistogram(merged.steps['get']!.histograms.response).getValueAtPercentile(99)).toBe(
      single.getValueAtPercentile(99),
    );
    expect(merged.servedBy).toEqual({ x: 4, y: 3 });
    expect(merged.counters).toEqual({ staleReads: 2 });
    expect(decodeHistogram(merged.trends['jobLatencyMs']!).totalCount).toBe(2);
    expect(merged.series.reduce((sum, point) => sum + point.requests, 0)).toBe(7);
  });

  it('leaves requests intended during the warm-up out of the summary but in the series', () => {
    const metrics = new MetricsAccumulator({ startAt: 100, warmupMs: 1000 });
    metrics.addRequest(metrics.stepIndex('get'), 100, 100, 105, undefined, undefined);
    metrics.addRequest(metrics.stepIndex('get'), 1200, 1200, 1203, 'timeout', undefined);
    const data = metrics.close();
    expect(data.requests).toBe(1);
    expect(data.errorsByClass).toEqual({ timeout: 1 });
    expect(data.series.map((p) => [p.second, p.warmup, p.requests])).toEqual([
      [0, true, 1],
      [1, false, 1],
    ]);
  });
});
