import { describe, expect, it } from 'vitest';
import { evaluateThresholds, parseThresholds } from '../../../../load-model/thresholds.ts';
import { trialMetricSource } from '../../../../orchestration/run/trial-metrics.ts';
import {
  createHistogram,
  encodeHistogram,
  recordMs,
  summarizePhases,
} from '../../../../results/histogram.ts';
import type { PhaseHistograms, TrialResult } from '../../../../results/schema.ts';

function encoded(values: number[]): string {
  const histogram = createHistogram();
  for (const ms of values) recordMs(histogram, ms);
  return encodeHistogram(histogram);
}

function trial(phaseHistograms?: PhaseHistograms): TrialResult {
  const empty = encoded([]);
  const phases = phaseHistograms ? summarizePhases(phaseHistograms) : undefined;
  const stats = { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p99: 0, p999: 0, max: 0 };
  return {
    trial: 0,
    summary: {
      durationSeconds: 1,
      requests: 100,
      errors: 0,
      errorsByClass: {},
      iterations: 100,
      droppedIterations: 0,
      achievedRate: 100,
      targetRate: 100,
      latency: { response: stats, service: stats, scheduleLag: stats },
      ...(phases ? { phases } : {}),
      checks: {},
      steps: [],
      servedBy: {},
      valid: true,
      invalidReasons: [],
    },
    histograms: { response: empty, service: empty, scheduleLag: empty },
    ...(phaseHistograms ? { phaseHistograms } : {}),
    series: [],
    counters: {},
    correctness: {},
    extraSeries: {},
    faults: [],
  };
}

describe('thresholds on request phases, by their k6 names', () => {
  const waiting = Array.from({ length: 100 }, (_, i) => 1 + i / 10); // 1 .. 10.9 ms
  const phases: PhaseHistograms = {
    connecting: encoded([0.5]),
    tlsHandshaking: encoded([2]),
    waiting: encoded(waiting),
    receiving: encoded([0.1, 0.2]),
  };
  const { thresholds, errors } = parseThresholds({
    http_req_waiting: ['p(90)<10', 'p(99)<10'],
    http_req_tls_handshaking: ['max<5'],
    http_req_connecting: ['avg<1'],
    http_req_receiving: ['count==2'],
  });

  it('answer from the phase histograms', () => {
    expect(errors).toEqual([]);
    const results = evaluateThresholds(thresholds, trialMetricSource(trial(phases)));
    expect(results.map((r) => [r.metric, r.expression, r.passed])).toEqual([
      ['http_req_waiting', 'p(90)<10', true],
      ['http_req_waiting', 'p(99)<10', false],
      ['http_req_tls_handshaking', 'max<5', true],
      ['http_req_connecting', 'avg<1', true],
      ['http_req_receiving', 'count==2', true],
    ]);
    expect(results[0]!.actual).toBeCloseTo(9.9, 1);
  });

  it('fail when the results carry no phases (a missing metric never passes)', () => {
    const results = evaluateThresholds(thresholds, trialMetricSource(trial()));
    expect(results.every((r) => r.actual === null && !r.passed)).toBe(true);
  });
});
