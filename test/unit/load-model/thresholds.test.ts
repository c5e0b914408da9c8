import { describe, expect, it } from 'vitest';
import { evaluateThresholds, parseThreshold, parseThresholds } from '../../../load-model/thresholds.ts';
import { trialMetricSource } from '../../../orchestration/run/trial-metrics.ts';
import {
  createHistogram,
  encodeHistogram,
  recordMs,
  summarizeHistogram,
} from '../../../results/histogram.ts';

function trialWithLatencies(latencies: number[]) {
  const histogram = createHistogram();
  for (const ms of latencies) recordMs(histogram, ms);
  const stats = summarizeHistogram(histogram);
  const encoded = encodeHistogram(histogram);
  return {
    summary: {
      durationSeconds: 10,
      requests: latencies.length,
      errors: 2,
      errorsByClass: { status_5xx: 2 },
      iterations: 50,
      droppedIterations: 0,
      achievedRate: latencies.length / 10,
      targetRate: 10,
      latency: { response: stats, service: stats, scheduleLag: stats },
      checks: { 'cart intact': { passes: 45, fails: 5 } },
      steps: [],
      servedBy: {},
      valid: true,
      invalidReasons: [],
    },
    histograms: { response: encoded, service: encoded, scheduleLag: encoded },
    counters: { cacheHits: 90 },
    correctness: { sessionsLost: 5 },
  };
}

describe('k6 thresholds', () => {
  it('parses percentiles, rates and counts', () => {
    expect(parseThreshold('http_req_duration', 'p(99.9) <= 250')).toMatchObject({
      aggregation: { kind: 'percentile', percentile: 99.9 },
      operator: '<=',
      value: 250,
    });
    expect(parseThreshold('http_req_failed', 'rate<0.01')).toMatchObject({ aggregation: { kind: 'rate' } });
  });

  it('returns every syntax error at once', () => {
    const { errors, thresholds } = parseThresholds({ a: ['p95<1', 'count==0'], b: ['fast'] });
    expect(errors).toHaveLength(2);
    expect(thresholds).toHaveLength(1);
  });

  it('evaluates against a trial: percentiles from the histogram, rates from counts', () => {
    const latencies = Array.from({ length: 100 }, (_, i) => i + 1);
    const source = trialMetricSource(trialWithLatencies(latencies));
    const { thresholds } = parseThresholds({
      http_req_duration: ['p(95)<96', 'p(50)<10'],
      http_req_failed: ['rate<0.05'],
      sessionsLost: ['count==0', 'rate<0.2'],
      checks: ['rate>0.85'],
      cacheHits: ['value>=90'],
      typoMetric: ['count==0'],
    });
    const outcome = Object.fromEntries(
      evaluateThresholds(thresholds, source).map((r) => [`${r.metric} ${r.expression}`, r]),
    );
    expect(outcome['http_req_duration p(95)<96']?.passed).toBe(true);
    expect(outcome['http_req_duration p(50)<10']?.passed).toBe(false);
    expect(outcome['http_req_failed rate<0.05']?.actual).toBeCloseTo(0.02);
    expect(outcome['sessionsLost count==0']?.passed).toBe(false);
    expect(outcome['sessionsLost rate<0.2']).toMatchObject({ actual: 0.1, passed: true });
    expect(outcome['checks rate>0.85']?.actual).toBeCloseTo(0.9);
    expect(outcome['cacheHits value>=90']?.passed).toBe(true);
    expect(outcome['typoMetric count==0']).toMatchObject({ actual: null, passed: false });
  });
});
