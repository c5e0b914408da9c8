/**
 * The evidence rule on recorded results shaped like issue 28's default run: 2 sessions judged behind a
 * "0 lost", 18% errors under ✓ 2/2, a threshold noise can flip; no plain ✓ beside errors or the
 * pattern's failure in the table, report.html or junit.xml.
 */
import { describe, expect, it } from 'vitest';
import { trialMetricSource } from '../../../orchestration/run/trial-metrics.ts';
import { experimentFindings } from '../../../reports/findings/findings.ts';
import { experimentTakeaway } from '../../../reports/findings/takeaway.ts';
import { renderHtml } from '../../../reports/html/html.ts';
import { renderJunit } from '../../../reports/junit.ts';
import { markdownTable } from '../../../reports/markdown/table.ts';
import type { SuiteResults } from '../../../results/schema.ts';
import { base, experiment, passed, trialOf, variant } from '../../helpers/problem-shapes.ts';

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
    expect(row).toContain('held p(50)<100, sessionsLost count==0; ⚠ 18% errors outside fault windows');
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
