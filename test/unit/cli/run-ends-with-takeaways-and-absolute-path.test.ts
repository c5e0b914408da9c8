/** The end of `scalebench run`: the report's takeaways, then where the report is, as an absolute path. */
import { describe, expect, it } from 'vitest';
import { runSummary } from '../../../cli/run-summary.ts';
import { experimentTakeaway } from '../../../reports/findings/takeaway.ts';
import { buildReportView } from '../../../reports/model/views.ts';
import { buildSuiteFixture } from '../../helpers/results-fixtures.ts';

describe('the last lines of a run', () => {
  it('prints each takeaway as the report has it, the absolute folder and the page to open', () => {
    const suite = buildSuiteFixture({ trials: 1, seconds: 6, experiments: ['clones', 'caching'] });
    const out = runSummary(suite, '/tmp/workshop/out', ['json', 'html']);
    const takeaways = buildReportView(suite).experiments.map(
      (experiment) => `  ${experiment.name}: ${experimentTakeaway(experiment)}`,
    );
    expect(out).toBe(
      [
        'takeaways:',
        ...takeaways,
        'report written to /tmp/workshop/out/ (json, html)',
        'open /tmp/workshop/out/report.html',
        '',
      ].join('\n'),
    );
  });

  it('says a partial report is partial', () => {
    const suite = {
      ...buildSuiteFixture({ trials: 1, seconds: 6, experiments: ['clones'] }),
      complete: false,
    };
    expect(runSummary(suite, '/abs/out', ['json'])).toContain('partial report written to /abs/out/ (json)\n');
  });
});
