/**
 * The evidence and takeaway rules on results shaped like the default run of issue 28 and the reports of
 * issue 24: 2 sessions judged behind a "0 lost"; 18% errors under ✓ 2/2; a capacity ratio over a
 * host-bound knee; a variant "faster" because 43% of its requests failed; a capacity at the search's
 * ceiling; a 7× gap called "about the same"; a pattern that fails at every rate beside an idle host.
 */
import { describe, expect, it } from 'vitest';
import { experimentFindings } from '../../../reports/findings/findings.ts';
import { experimentTakeaway } from '../../../reports/findings/takeaway.ts';
import { renderHtml } from '../../../reports/html/html.ts';
import { renderJunit } from '../../../reports/junit.ts';
import { markdownTable } from '../../../reports/markdown/table.ts';
import { buildReportView, type ExperimentView } from '../../../reports/model/views.ts';
import type {
  CapacityStepResult,
  SuiteResults,
  ThresholdOutcome,
  TrialResult,
  VariantResult,
} from '../../../results/schema.ts';
import { trialMetricSource } from '../../../runners/orchestration/trial-metrics.ts';
import { buildSuiteFixture } from '../../helpers/results-fixtures.ts';

const base = buildSuiteFixture({ experiments: ['clones'], trials: 1, seconds: 8 });
const template = base.experiments[0]!.variants[0]!;
const templateTrial = template.trials[0]!;

interface Shape {
  name: string;
  p50?: number;
  /** each measured second's p50 grows linearly from p50 to this (a queue building up) */
  p50At?: number;
  /** share of every measured second's requests that failed */
  errorShare?: number;
  correctness?: Record<string, number>;
  thresholds?: ThresholdOutcome[];
  capacity?: number | null;
  capped?: boolean;
  hostIdleAtKnee?: number;
  steps?: CapacityStepResult[];
  trends?: Record<string, number[]>;
  trials?: number;
  targetRate?: number;
}

const passed = (metric: string, expression: string): ThresholdOutcome => ({
  metric,
  expression,
  actual: 0,
  passed: true,
});

function trialOf(shape: Shape, index: number): TrialResult {
  const share = shape.errorShare ?? 0;
  const last = templateTrial.series.length - 1;
  const series = templateTrial.series.map((point, at) => ({
    ...point,
    errors: point.warmup ? 0 : Math.round(point.requests * share),
    p50: (shape.p50 ?? 5) + ((shape.p50At ?? shape.p50 ?? 5) - (shape.p50 ?? 5)) * (at / last),
  }));
  const requests = templateTrial.summary.requests;
  const response = { ...templateTrial.summary.latency.response, p50: shape.p50 ?? 5 };
  const trends = Object.fromEntries(
    Object.entries(shape.trends ?? {}).map(([name, values]) => {
      const p99 = values[index % values.length]!;
      return [
        name,
        { stats: { ...response, p50: p99 / 2, p99 }, histogram: templateTrial.histograms.response },
      ];
    }),
  );
  return {
    ...templateTrial,
    trial: index,
    series,
    faults: [],
    correctness: shape.correctness ?? {},
    trends,
    summary: {
      ...templateTrial.summary,
      errors: Math.round(requests * share),
      targetRate: shape.targetRate ?? 30,
      latency: { ...templateTrial.summary.latency, response },
    },
  };
}

function variant(shape: Shape): VariantResult {
  return {
    ...template,
    name: shape.name,
    trials: Array.from({ length: shape.trials ?? 1 }, (_, index) => trialOf(shape, index)),
    thresholds: shape.thresholds ?? [],
    capacity: shape.capacity ?? null,
    ...(shape.capped ? { capped: true } : {}),
    ...(shape.capacity !== undefined || shape.steps
      ? { slo: { p99Ms: 200, errorRate: 0.01 }, hostIdleAtKnee: shape.hostIdleAtKnee ?? 0.4 }
      : {}),
    ...(shape.steps ? { capacitySteps: shape.steps } : {}),
  };
}

function experiment(...shapes: Shape[]): ExperimentView {
  const suite: SuiteResults = {
    ...base,
    experiments: [{ name: 'shapes', title: 'Shapes', variants: shapes.map(variant) }],
  };
  return buildReportView(suite).experiments[0]!;
}

const step = (rate: number, ok: boolean, hostIdle: number, broken?: string): CapacityStepResult => ({
  rate,
  ok,
  p99Ms: ok ? 50 : 900,
  errorRate: ok ? 0 : 0.4,
  hostIdle,
  generatorCores: 0.3,
  ...(broken ? { broken } : {}),
});

const text = (view: ExperimentView) =>
  [experimentTakeaway(view) ?? '', ...experimentFindings(view), markdownTable(view)].join('\n');

describe('correctness on evidence', () => {
  const view = experiment(
    { name: 'stateless-1', correctness: { sessions: 240, sessionsLost: 0, sessionsUnjudged: 4 } },
    {
      name: 'stateless-4',
      correctness: { sessions: 2, sessionsLost: 0, sessionsUnjudged: 0 },
      thresholds: [passed('sessionsLost', 'count==0')],
    },
  );

  it('gives no verdict and no ✓ on 2 sessions judged, in takeaway, findings, table and junit', () => {
    const row = markdownTable(view)
      .split('\n')
      .find((line) => line.includes('stateless-4'))!;
    expect(row).not.toContain('✓');
    expect(row).toContain('? sessionsLost count==0: not enough evidence: 2 sessions judged');
    expect(experimentFindings(view).join(' ')).toContain(
      'stateless-4 0 of 2 sessions (not enough evidence: 2 sessions judged)',
    );
    const suite: SuiteResults = {
      ...base,
      experiments: [
        {
          name: 'shapes',
          title: 'Shapes',
          variants: [
            variant({
              name: 'stateless-4',
              correctness: { sessions: 2, sessionsLost: 0 },
              thresholds: [passed('sessionsLost', 'count==0')],
            }),
          ],
        },
      ],
    };
    expect(renderJunit(suite)).toContain(
      '<testcase name="sessionsLost: count==0" classname="shapes.stateless-4">\n      <skipped message="not enough evidence: 2 sessions judged"/>',
    );
  });

  it('shows 240 judged sessions as 0 lost with the interval', () => {
    expect(markdownTable(view)).toMatch(/\| +0 of 240 \(CI 0%–1\.6%\) \|/);
  });
});

describe('errors outside the fault windows', () => {
  const view = experiment(
    {
      name: 'stateless-1',
      errorShare: 0.18,
      p50: 80,
      thresholds: [passed('http_req_duration', 'p(50)<100'), passed('sessionsLost', 'count==0')],
    },
    { name: 'stateless-2', errorShare: 0, p50: 9 },
  );

  it('never puts ✓ 2/2 beside 18% errors', () => {
    const row = markdownTable(view)
      .split('\n')
      .find((line) => line.includes('stateless-1'))!;
    expect(row).not.toContain('✓');
    expect(row).toContain('held p(50)<100, sessionsLost count==0; ⚠ 18% errors');
  });

  it('fails the built-in error threshold, so the CI gate fails', () => {
    const trial = trialOf({ name: 'stateless-1', errorShare: 0.18 }, 0);
    const rate = trialMetricSource(trial)('http_req_failed_outside_faults', { kind: 'rate' });
    expect(rate).toBeCloseTo(0.18, 2);
  });

  it('claims no speed-up against a baseline that failed 18% of its requests', () => {
    expect(experimentTakeaway(view)).not.toMatch(/cut p50|about the same/);
    expect(experimentTakeaway(view)).toContain(
      'stateless-1 failed 18% of its requests outside fault windows',
    );
  });
});

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

describe('report.html', () => {
  it("colours the pattern's failure and a failed threshold, and shows no ✓ beside them", async () => {
    const suite: SuiteResults = {
      ...base,
      experiments: [
        {
          name: 'shapes',
          title: 'Shapes',
          variants: [
            variant({ name: 'stateless-4', correctness: { sessions: 300, sessionsLost: 0 } }),
            variant({
              name: 'stateful-4',
              correctness: { sessions: 300, sessionsLost: 290 },
              thresholds: [passed('http_req_duration', 'p(50)<100')],
            }),
            variant({
              name: 'stateless-1',
              thresholds: [
                {
                  metric: 'http_req_failed_outside_faults',
                  expression: 'rate<0.01',
                  actual: 0.18,
                  passed: false,
                },
              ],
            }),
          ],
        },
      ],
    };
    const html = await renderHtml(suite);
    expect(html).toContain(`<td class="warn">held p(50)&lt;100; ⚠ the pattern's failure: sessions lost</td>`);
    expect(html).toContain('<td class="num warn">290 of 300 (97%, CI 94%–98%)</td>');
    expect(html).toContain('<td class="fail">✗ errors rate&lt;0.01</td>');
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
});

describe('a threshold noise can flip', () => {
  it('shows the measured value beside a threshold within 10% of its bound (102.7 ms against p(50)<100)', () => {
    const view = experiment(
      {
        name: 'stateless-1',
        thresholds: [{ metric: 'http_req_duration', expression: 'p(50)<100', actual: 102.7, passed: false }],
      },
      { name: 'stateless-2', thresholds: [{ ...passed('http_req_duration', 'p(50)<100'), actual: 12 }] },
    );
    const table = markdownTable(view);
    expect(table).toContain('✗ p(50)<100 (102.7, at the edge)');
    expect(table).toContain('✓ p(50)<100 ');
    expect(table).not.toContain('(12, at the edge)');
  });
});
