/**
 * The evidence rule: a failure count is a share of the cases judged with a 95% Wilson interval, and a
 * verdict only with at least 100 judged and at least half of those started.
 */
import { describe, expect, it } from 'vitest';
import { evidenceFor, evidenceOf, notEnoughText, wilson95 } from '../../../results/evidence.ts';

describe('wilson95', () => {
  it('matches the published interval for 5 of 50 and stays inside 0..1 at the edges', () => {
    const mid = wilson95(5, 50)!;
    expect(mid.lower).toBeCloseTo(0.0435, 3);
    expect(mid.upper).toBeCloseTo(0.2136, 3);
    const none = wilson95(0, 200)!;
    expect(none.lower).toBe(0);
    expect(none.upper).toBeCloseTo(0.0188, 3);
    expect(wilson95(10, 10)!.upper).toBeCloseTo(1, 9);
    expect(wilson95(10, 10)!.lower).toBeCloseTo(0.7225, 3);
    expect(wilson95(0, 0)).toBeNull();
  });
});

describe('evidenceOf', () => {
  it('gives no verdict on 2 sessions judged (the default profile stateless-4 of issue 28)', () => {
    const evidence = evidenceOf({ sessions: 2, sessionsLost: 0, sessionsUnjudged: 0 }, 'sessionsLost')!;
    expect(evidence.verdict).toBe('not-enough-evidence');
    expect(notEnoughText(evidence)).toBe('not enough evidence: 2 sessions judged');
  });

  it('gives no verdict when most sessions started went unjudged, however many were judged', () => {
    const evidence = evidenceOf({ sessions: 310, sessionsLost: 0, sessionsUnjudged: 400 }, 'sessionsLost')!;
    expect(evidence.started).toBe(710);
    expect(evidence.verdict).toBe('not-enough-evidence');
    expect(notEnoughText(evidence)).toBe('not enough evidence: 310 sessions judged of 710 started');
  });

  it('says clean or failed with enough judged, with the share and its interval', () => {
    const clean = evidenceOf({ sessions: 150, sessionsLost: 0, sessionsUnjudged: 20 }, 'sessionsLost')!;
    expect(clean.verdict).toBe('clean');
    const lost = evidenceOf({ sessions: 240, sessionsLost: 60, sessionsUnjudged: 10 }, 'sessionsLost')!;
    expect(lost.verdict).toBe('failed');
    expect(lost.rate).toBe(0.25);
    expect(lost.interval!.lower).toBeLessThan(0.25);
    expect(lost.interval!.upper).toBeGreaterThan(0.25);
  });

  it('judges jobs lost against the jobs the target accepted, and skips what was not reported', () => {
    const all = evidenceFor({ jobsAccepted: 400, jobsLost: 0, jobsDuplicated: 1, jobsSubmitted: 300 });
    expect(all.map((e) => [e.violation, e.judged, e.verdict])).toEqual([
      ['jobsLost', 400, 'clean'],
      ['jobsDuplicated', 400, 'failed'],
    ]);
  });
});
