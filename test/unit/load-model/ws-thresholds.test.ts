/** WebSocket thresholds: ws_reply{name:chat} is the chat step's reply time; ws_connecting{name:chat} its tagged trend. */
import { describe, expect, it } from 'vitest';
import { evaluateThresholds, parseThresholds } from '../../../load-model/thresholds.ts';
import { trialMetricSource } from '../../../orchestration/run/trial-metrics.ts';
import {
  createHistogram,
  encodeHistogram,
  type Histogram,
  recordMs,
  summarizeHistogram,
} from '../../../results/histogram.ts';
import type { StepStats, TrialResult } from '../../../results/schema.ts';

function histogramOf(values: number[]): Histogram {
  const histogram = createHistogram();
  for (const ms of values) recordMs(histogram, ms);
  return histogram;
}

function step(name: string, values: number[]): StepStats {
  const histogram = histogramOf(values);
  const stats = summarizeHistogram(histogram);
  const encoded = encodeHistogram(histogram);
  return {
    name,
    requests: values.length,
    errors: {},
    latency: { response: stats, service: stats },
    histograms: { response: encoded, service: encoded },
  };
}

function trend(values: number[]) {
  const histogram = histogramOf(values);
  return { stats: summarizeHistogram(histogram), histogram: encodeHistogram(histogram) };
}

function trial(): TrialResult {
  const chatValues = Array.from({ length: 100 }, (_, i) => 1 + i / 10); // 1.0 .. 10.9 ms
  const feedValues = Array.from({ length: 100 }, (_, i) => 100 + i); // 100 .. 199 ms
  const all = histogramOf([...chatValues, ...feedValues]);
  const stats = summarizeHistogram(all);
  const encoded = encodeHistogram(all);
  return {
    trial: 0,
    summary: {
      durationSeconds: 10,
      requests: 200,
      errors: 0,
      errorsByClass: {},
      iterations: 200,
      droppedIterations: 0,
      achievedRate: 20,
      targetRate: null,
      latency: { response: stats, service: stats, scheduleLag: stats },
      checks: {},
      steps: [step('chat', chatValues), step('feed', feedValues)],
      servedBy: {},
      valid: true,
      invalidReasons: [],
    },
    histograms: { response: encoded, service: encoded, scheduleLag: encoded },
    series: [],
    counters: {},
    correctness: { ws_sessions: 4 },
    extraSeries: {},
    trends: {
      ws_reply: trend([...chatValues, ...feedValues]),
      'ws_connecting{name:chat}': trend([2, 2, 2, 3]),
      'ws_connecting{name:feed}': trend([40, 40, 40, 50]),
    },
    faults: [],
  };
}

describe('WebSocket thresholds', () => {
  it('judge ws_reply per socket name, and the tagged connecting trend', () => {
    const { thresholds, errors } = parseThresholds({
      'ws_reply{name:chat}': ['p(99)<20'],
      'ws_reply{name:feed}': ['p(99)<20'],
      ws_reply: ['max<300'],
      'ws_connecting{name:chat}': ['max<10'],
      'ws_connecting{name:feed}': ['max<10'],
      'ws_reply{name:nope}': ['p(99)<20'],
    });
    expect(errors).toEqual([]);
    const results = evaluateThresholds(thresholds, trialMetricSource(trial()));
    expect(results.map((result) => [result.metric, result.passed])).toEqual([
      ['ws_reply{name:chat}', true],
      ['ws_reply{name:feed}', false],
      ['ws_reply', true],
      ['ws_connecting{name:chat}', true],
      ['ws_connecting{name:feed}', false],
      ['ws_reply{name:nope}', false],
    ]);
    expect(results[1]?.actual).toBeGreaterThan(190);
  });

  it('refuse a tag on a metric that has none', () => {
    const { errors } = parseThresholds({ 'ws_msgs_sent{name:chat}': ['count>0'] });
    expect(errors[0]).toMatch(/no per-step values/);
  });
});
