/** k6 tag thresholds select one step: http_req_duration{name:login}, http_req_failed{name:checkout}. */
import { describe, expect, it } from 'vitest';
import { evaluateThresholds, parseThreshold, parseThresholds } from '../../../load-model/thresholds.ts';
import { judgeThresholds } from '../../../orchestration/run/run-variant.ts';
import { trialMetricSource } from '../../../orchestration/run/trial-metrics.ts';
import {
  createHistogram,
  encodeHistogram,
  recordMs,
  summarizeHistogram,
} from '../../../results/histogram.ts';
import type { StepStats, TrialResult } from '../../../results/schema.ts';
import type { ExperimentDefinition } from '../../../scenarios/types.ts';

function step(name: string, latencies: number[], errors: number): StepStats {
  const histogram = createHistogram();
  for (const ms of latencies) recordMs(histogram, ms);
  const stats = summarizeHistogram(histogram);
  const encoded = encodeHistogram(histogram);
  return {
    name,
    requests: latencies.length,
    errors: errors > 0 ? { status_5xx: errors } : {},
    latency: { response: stats, service: stats },
    histograms: { response: encoded, service: encoded },
  };
}

function trial(): TrialResult {
  const login = step(
    'login',
    Array.from({ length: 100 }, (_, i) => 1 + i / 10),
    0,
  ); // 1.0 .. 10.9 ms
  const checkout = step(
    'checkout',
    Array.from({ length: 100 }, (_, i) => 100 + i),
    3,
  ); // 100 .. 199 ms
  const all = createHistogram();
  const encoded = encodeHistogram(all);
  const stats = summarizeHistogram(all);
  return {
    trial: 0,
    summary: {
      durationSeconds: 10,
      requests: 200,
      errors: 3,
      errorsByClass: { status_5xx: 3 },
      iterations: 100,
      droppedIterations: 0,
      achievedRate: 10,
      targetRate: 10,
      latency: { response: stats, service: stats, scheduleLag: stats },
      checks: {},
      steps: [login, checkout],
      servedBy: {},
      valid: true,
      invalidReasons: [],
    },
    histograms: { response: encoded, service: encoded, scheduleLag: encoded },
    series: [],
    counters: {},
    correctness: {},
    extraSeries: {},
    faults: [],
  };
}

describe('tag thresholds', () => {
  it('parse the name tag and refuse other tags and metrics without steps', () => {
    expect(parseThreshold('http_req_duration{name:login}', 'p(95)<200')).toMatchObject({
      baseMetric: 'http_req_duration',
      step: 'login',
    });
    expect(parseThreshold('http_req_duration{status:200}', 'p(95)<200')).toMatch(/only the name tag/);
    expect(parseThreshold('sessionsLost{name:login}', 'count==0')).toMatch(/no per-step values/);
  });

  it('judge each step on its own requests', () => {
    const { thresholds } = parseThresholds({
      'http_req_duration{name:login}': ['p(95)<20'],
      'http_req_duration{name:checkout}': ['p(95)<20'],
      'http_req_failed{name:checkout}': ['rate<0.01'],
      'http_req_failed{name:login}': ['rate<0.01'],
      'service_time{name:checkout}': ['max<250'],
      'http_reqs{name:login}': ['count==100', 'rate>=10'],
    });
    const outcome = evaluateThresholds(thresholds, trialMetricSource(trial())).map((r) => [
      `${r.metric} ${r.expression}`,
      r.passed,
      r.actual,
    ]);
    expect(outcome).toEqual([
      ['http_req_duration{name:login} p(95)<20', true, 10.407],
      ['http_req_duration{name:checkout} p(95)<20', false, 194.047],
      ['http_req_failed{name:checkout} rate<0.01', false, 0.03],
      ['http_req_failed{name:login} rate<0.01', true, 0],
      ['service_time{name:checkout} max<250', true, 199.039],
      ['http_reqs{name:login} count==100', true, 100],
      ['http_reqs{name:login} rate>=10', true, 10],
    ]);
  });

  it('an unknown step in a threshold is an input error naming the steps there are', () => {
    const experiment = {
      thresholds: { 'http_req_duration{name:logn}': ['p(95)<200'] },
    } as unknown as ExperimentDefinition;
    expect(() => judgeThresholds({ experiment, variant: { name: 'v', params: {} } }, [trial()])).toThrow(
      expect.objectContaining({
        code: 'SB_ERR_INVALID_ARGUMENT',
        exitCode: 2,
        message: "threshold http_req_duration{name:logn}: no step named 'logn' in the results",
        hint: 'steps are: checkout, login',
      }),
    );
  });
});
