/**
 * The terminal says what the reports say when a variant ends: its correctness on evidence and the
 * pattern's failure, one line each, from the variant's recorded trials (results/variant-verdicts.ts),
 * in yellow on a terminal when a plain ✓ may not stand beside it.
 */
import { expect, it } from 'vitest';
import { createSuiteProgress } from '../../../../orchestration/run/suite-progress.ts';
import { variantVerdict, verdictLines } from '../../../../results/variant-verdicts.ts';

const point = (second: number, errors: number) => ({
  second,
  warmup: second === 0,
  requests: 100,
  errors,
  p50: 1,
  p99: 2,
});

const sticky = variantVerdict({
  trials: [
    {
      correctness: { sessions: 230, sessionsLost: 57, sessionsUnjudged: 3 },
      series: [point(0, 0), point(1, 0), point(2, 30), point(3, 30)],
      faults: [],
    },
  ],
  thresholds: [],
});
const stateless = variantVerdict({
  trials: [{ correctness: { sessions: 7, sessionsLost: 0 }, series: [point(0, 0), point(1, 0)], faults: [] }],
  thresholds: [{ metric: 'sessionsLost', expression: 'count==0', actual: 0, passed: true }],
});

it('computes the lines from the recorded trials', () => {
  expect(verdictLines(sticky)).toEqual([
    "sessions lost: 57 of 230 sessions (25%, 95% CI 20%–31%) — the pattern's failure",
    'errors outside fault windows: 20% of 300 requests (over 1%)',
  ]);
  expect(sticky.clean).toBe(false);
  expect(verdictLines(stateless)).toEqual([
    'sessions lost: 0 of 7 sessions (not enough evidence: 7 sessions judged)',
    'threshold sessionsLost count==0 not judged: not enough evidence: 7 sessions judged',
  ]);
});

it('prints them under the variant, in yellow on a terminal', () => {
  for (const isTTY of [false, true]) {
    const out: string[] = [];
    const progress = createSuiteProgress({ write: (text) => out.push(text), isTTY, quiet: false });
    progress({
      type: 'variant-start',
      experiment: 'clones',
      variant: 'sticky-4',
      index: 0,
      total: 1,
      etaSeconds: 5,
    });
    progress({
      type: 'variant-done',
      experiment: 'clones',
      variant: 'sticky-4',
      failedThresholds: 0,
      valid: true,
      verdicts: verdictLines(sticky),
      clean: false,
    });
    const printed = out.join('');
    expect(printed).toContain(
      '[1/1] clones/sticky-4:   sessions lost: 57 of 230 sessions (25%, 95% CI 20%–31%)',
    );
    expect(printed.includes('\x1b[33m')).toBe(isTTY);
  }
});
