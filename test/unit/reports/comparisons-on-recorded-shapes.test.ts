/**
 * The comparison rule on recorded results shaped like issue 28's default run and issue 24's reports: no
 * "faster" from 43% failing requests, no capacity ratio over a host-bound knee (host idle from the held
 * step), "≥" from the search's ceiling, the cost beside the gain, "no capacity: sessions lost at every
 * rate", a 7× gap never "about the same", no ratio from a queue building up.
 */
import { describe, expect, it } from 'vitest';
import { experimentFindings } from '../../../reports/findings/findings.ts';
import { experimentTakeaway } from '../../../reports/findings/takeaway.ts';
import { markdownTable } from '../../../reports/markdown/table.ts';
import type { ExperimentView } from '../../../reports/model/views.ts';
import { experiment, step } from '../../helpers/problem-shapes.ts';

const text = (view: ExperimentView) =>
  [experimentTakeaway(view) ?? '', ...experimentFindings(view), markdownTable(view)].join('\n');

describe('no "faster" from failures', () => {
  const view = experiment(
    { name: 'stateless-1', p50: 40 },
    { name: 'stateful-4', p50: 0.5, errorShare: 0.43, correctness: { sessions: 300, sessionsLost: 290 } },
  );

  it('says neither "faster" nor "cut p50" for a variant failing 43% of its requests', () => {
    const all = text(view);
    expect(all).not.toMatch(/stateful-4 cut p50|faster/);
    expect(experimentFindings(view).join(' ')).toContain(
      'stateful-4 p50 0.5 ms (not compared: stateful-4 failed 43% of its requests outside fault windows)',
    );
  });

  it("marks the pattern's failure, never a plain ✓, beside 290 of 300 sessions lost", () => {
    const row = markdownTable(view)
      .split('\n')
      .find((line) => line.includes('stateful-4'))!;
    expect(row).toContain("⚠ the pattern's failure: sessions lost");
    expect(row).toMatch(/290 of 300 \(97%, CI 94%–98%\)/);
    expect(row).not.toContain('✓');
  });
});

describe('capacity ratios', () => {
  it('leads with no ratio over a host-bound knee, and takes host idle from the held step', () => {
    const view = experiment(
      {
        name: 'no-cache',
        capacity: 220,
        hostIdleAtKnee: 0.006,
        steps: [step(200, true, 0.22), step(220, true, 0.03), step(240, false, 0.006, 'p99')],
      },
      { name: 'query-cache', capacity: 3475, hostIdleAtKnee: 0.3 },
    );
    const takeaway = experimentTakeaway(view)!;
    expect(takeaway).not.toMatch(/\d+× the load/);
    expect(takeaway).toContain('no ratio (no-cache limited by this machine, not by the architecture)');
    // 3% at the held 220/s, not the 0.6% of the failing step above it
    expect(view.variants[0]!.hostIdleAtKnee).toBe(0.03);
    expect(experimentFindings(view).join(' ')).toContain('no-cache 220/s (host idle 3.0%)');
  });

  it('says the cost in the sentence of the gain', () => {
    const view = experiment(
      { name: 'no-cache', capacity: 220 },
      { name: 'query-cache', capacity: 3475, correctness: { reads: 4274, staleReads: 1084 } },
    );
    expect(experimentTakeaway(view)).toContain(
      'query-cache held 16× the load of no-cache (220/s → 3475/s), but served stale data on 1,084 of 4,274 reads (25%, 95% CI 24%–27%)',
    );
  });

  it('prints a capacity at the search ceiling as a floor, and its ratio as "≥"', () => {
    const view = experiment(
      { name: 'normalized', capacity: 50 },
      { name: 'denormalized', capacity: 400, capped: true },
    );
    expect(experimentTakeaway(view)).toContain(
      'denormalized held ≥ 8.0× the load of normalized (50.0/s → ≥ 400/s)',
    );
    expect(markdownTable(view)).toContain('≥ 400');
  });

  it('says "no capacity: sessions lost at every rate" instead of none beside an idle host', () => {
    const view = experiment(
      { name: 'stateless-2', capacity: 90 },
      {
        name: 'stateful-2',
        capacity: null,
        hostIdleAtKnee: 0.99,
        correctness: { sessions: 400, sessionsLost: 200 },
        steps: [step(30, false, 0.99, 'errors'), step(15, false, 0.99, 'errors')],
      },
    );
    expect(markdownTable(view)).toContain('no capacity: sessions lost at every rate');
    const findings = experimentFindings(view).join(' ');
    expect(findings).toContain('stateful-2 no capacity: sessions lost at every rate');
    expect(findings).not.toContain('host idle 99%');
  });
});

describe('a wide gap', () => {
  it('is never "about the same": a 7× gap whose 5 trials disagree says so', () => {
    const view = experiment(
      { name: 'normalized', trials: 5, trends: { writeMs: [6, 7, 8, 7, 7] } },
      { name: 'denormalized', trials: 5, trends: { writeMs: [5, 120, 9, 80, 52] } },
    );
    const findings = experimentFindings(view).join(' ');
    expect(findings).toMatch(/denormalized 53\.2 ms \(7\.6× higher, interval wide: 5 trials disagree\)/);
    expect(findings).not.toMatch(/Write p99[^.]*about the same/);
  });
});

describe('a queue building up', () => {
  it('takes no ratio from a variant whose p50 grew through the trial, and says why', () => {
    const view = experiment(
      { name: 'sync', p50: 160, p50At: 900, trends: { acceptMs: [4000] } },
      { name: 'queued-bullmq', p50: 2, trends: { acceptMs: [12] } },
    );
    const all = [experimentTakeaway(view) ?? '', ...experimentFindings(view)].join(' ');
    expect(all).not.toMatch(/\d+× (lower|faster)/);
    expect(all).toMatch(
      /not compared: sync's p50 grew from 4\d\d ms to 8\d\d ms within the trial \(queueing: overloaded\)/,
    );
  });

  it("says an overloaded baseline's reason once, beside it, not once per variant", () => {
    const view = experiment(
      { name: 'sync', p50: 160, p50At: 900, trends: { acceptMs: [4000] } },
      { name: 'queued-bullmq', p50: 2, trends: { acceptMs: [12] } },
      { name: 'queued-rabbitmq', p50: 3, trends: { acceptMs: [14] } },
      { name: 'prerendered', p50: 1, trends: { acceptMs: [5] } },
    );
    const takeaway = experimentTakeaway(view) ?? '';
    expect(takeaway.match(/sync's p50 grew/g)).toHaveLength(1);
    expect(takeaway).toMatch(
      /sync 4\.00 s \(not compared: sync's p50 grew [^)]+\)\) vs queued-bullmq 12\.0 ms, queued-rabbitmq 14\.0 ms, prerendered 5\.0 ms/,
    );
  });
});
