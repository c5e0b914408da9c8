/**
 * Each step's response-time histogram holds exactly its own requests' response times: also for the first
 * step, which shares the summary's histogram until a second step appears (mid-second here).
 */
import { describe, expect, it } from 'vitest';
import { mergeReports } from '../../../../load/engine/merge-reports.ts';
import { MetricsAccumulator } from '../../../../load/engine/metrics.ts';
import { toThreadReport } from '../../../../load/engine/thread-report.ts';
import { createHistogram, decodeHistogram, type Histogram, recordMs } from '../../../../results/histogram.ts';

const extra = {
  ranMs: 3000,
  eventLoopDelayP99Ms: 0,
  vusCreated: 1,
  unfinishedIterations: 0,
  firstFlowError: undefined,
};

function thread(seed: number, truth: Map<string, Histogram>) {
  const metrics = new MetricsAccumulator({ startAt: 0, warmupMs: 0, encodeSeconds: true });
  const home = metrics.stepIndex('home');
  for (let i = 0; i < 300; i += 1) {
    const intendedAt = i * 7 + seed;
    // a second step appears at 1.5 s, in the middle of an open second
    const name = intendedAt > 1500 && i % 3 === 0 ? '/orders/' + String(i) : 'home';
    const step = name === 'home' ? home : metrics.stepIndex(name);
    const responseMs = name === 'home' ? 1 + ((i * seed) % 13) : 20 + (i % 31);
    metrics.addRequest(step, intendedAt, intendedAt + 0.2, intendedAt + responseMs, undefined, undefined);
    const key = name === 'home' ? 'home' : '/orders/:id';
    if (!truth.has(key)) truth.set(key, createHistogram());
    recordMs(truth.get(key)!, responseMs);
  }
  return toThreadReport(metrics.close(), extra);
}

describe('per-step response histograms', () => {
  it('equal the response times of every request of the step, merged over threads', () => {
    const truth = new Map<string, Histogram>();
    const merged = mergeReports([thread(1, truth), thread(3, truth)]);
    expect(Object.keys(merged.steps)).toEqual(['home', '/orders/:id']);
    for (const [name, expected] of truth) {
      const got = decodeHistogram(merged.steps[name]!.histograms.response);
      expect(got.totalCount).toBe(expected.totalCount);
      for (const p of [50, 99, 100])
        expect(got.getValueAtPercentile(p)).toBe(expected.getValueAtPercentile(p));
    }
    const all = decodeHistogram(merged.histograms.response);
    expect(all.totalCount).toBe(600);
  });

  it('a thread with one step reports the summary histogram as that step', () => {
    const metrics = new MetricsAccumulator({ startAt: 0, warmupMs: 0 });
    const step = metrics.stepIndex('request');
    for (let i = 0; i < 50; i += 1)
      metrics.addRequest(step, i * 30, i * 30, i * 30 + i, undefined, undefined);
    const report = toThreadReport(metrics.close(), extra);
    expect(report.steps['request']!.histograms.response).toBe(report.histograms.response);
    expect(report.steps['request']!.histograms.service).toBe(report.histograms.service);
  });
});
