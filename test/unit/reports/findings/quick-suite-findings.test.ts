/**
 * Findings and takeaways of a real `scalebench run --quick` results file (test/golden/quick-suite-results.json):
 * the report must say what happened, with rates over the right totals and faults where they were.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { experimentFindings } from '../../../../reports/findings/findings.ts';
import { experimentTakeaway } from '../../../../reports/findings/takeaway.ts';
import { renderMarkdown } from '../../../../reports/markdown/markdown.ts';
import { buildReportView, type ExperimentView } from '../../../../reports/model/views.ts';
import { resultsFileSchema } from '../../../../results/schema.ts';
import { expectMatchesGolden } from '../../../golden/golden.ts';

const results = resultsFileSchema.parse(
  JSON.parse(readFileSync(new URL('../../../golden/quick-suite-results.json', import.meta.url), 'utf8')),
);
const view = buildReportView(results);
const experiment = (name: string) => view.experiments.find((e) => e.name === name) as ExperimentView;
const findings = (name: string) => experimentFindings(experiment(name)).join(' ');

describe('report of a real quick suite', () => {
  it('matches the golden report (UPDATE_GOLDEN=1 refreshes it)', () => {
    expectMatchesGolden('test/golden/quick-suite-report.md', renderMarkdown(results));
  });

  it('rounds fault times and names only the variants that had the fault', () => {
    const text = findings('clones');
    expect(text).toContain('Fault: kill clone 0 at 3.0 s in stateful-2, sticky-2 and stateless-2');
    expect(text).toContain('stateless-1 ran without one');
    expect(renderMarkdown(results)).not.toMatch(/\d\.\d{3,} s/);
  });

  it('uses totals as denominators, never as findings', () => {
    const all = view.experiments.map((e) => findings(e.name)).join(' ');
    expect(all).not.toMatch(/counted/);
    expect(findings('caching')).toContain('Stale reads: query-cache 177 of 528 reads (34%, 95% CI 30%–38%)');
    // 81 sessions judged are too few for a verdict (at least 100)
    expect(findings('clones')).toContain(
      'stateful-2 53 of 81 sessions (not enough evidence: 81 sessions judged)',
    );
    expect(findings('database')).toContain('replica 34 of 101 RYW checks (34%, 95% CI 25%–43%)');
  });

  it('drops series peaks for variants they do not apply to, and shows lag bytes when ms stayed zero', () => {
    expect(findings('async')).toContain('Queue depth peaked at 1 in queued-bullmq and 5 in queued-rabbitmq.');
    expect(findings('async')).not.toMatch(/in (sync|prerendered) peaked/);
    expect(findings('database')).toContain('Replica lag peaked at 0.0 ms (0 B) in replica.');
  });

  it('compares the flow latencies with the first variant, lower and higher the right way round', () => {
    expect(findings('async')).toContain(
      'Job latency p99: sync 147 ms against queued-bullmq 3.12 s (21× higher)',
    );
    expect(findings('async')).toContain('Accept p99: sync 147 ms against queued-bullmq 13.8 ms (11× lower)');
  });

  it('opens each experiment with a takeaway of its headline numbers', () => {
    expect(experimentTakeaway(experiment('clones'))).toMatch(
      /^stateless-2 lost 0 of 29 sessions \(not enough evidence: 29 sessions judged\) with clone 0 killed; stateful-2 lost 53 of 81 sessions \(not enough evidence: 81 sessions judged\)/,
    );
    expect(experimentTakeaway(experiment('caching'))).toContain(
      'object-cache cut p50 from 6.6 ms to 1.3 ms (5.0×) with an 88% hit ratio',
    );
    expect(experimentTakeaway(experiment('async'))).toMatch(
      /^Accept p99: sync 147 ms vs queued-bullmq 13\.8 ms/,
    );
    // jobs lost are a share of the jobs the target accepted, which this file predates: no share of
    // the jobs the flow submitted in the measured part (another unit)
    expect(experimentTakeaway(experiment('async'))).not.toMatch(/jobs lost: 0 of \d+ jobs submitted/);
    expect(experimentTakeaway(experiment('database'))).toContain(
      'replica broke read-your-writes on 34 of 101 checks (34%, 95% CI 25%–43%)',
    );
  });
});
