import { describe, expect, it } from 'vitest';
import { experimentTakeaway } from '../../../reports/findings/takeaway.ts';
import { buildReportView } from '../../../reports/model/views.ts';
import { buildSuiteFixture } from '../../helpers/results-fixtures.ts';

/** the database fixture with reads timed as its responses and writes as 5× its reads for denormalized */
function databaseResults(timed = true) {
  const results = buildSuiteFixture({ seed: 7, trials: 3, seconds: 12, experiments: ['database'] });
  if (!timed) return results;
  for (const variant of results.experiments[0]!.variants) {
    const factor = variant.name === 'denormalized' ? 5 : 1;
    for (const trial of variant.trials) {
      const read = trial.summary.latency.response;
      const write = Object.fromEntries(
        Object.entries(read).map(([k, v]) => [k, k === 'count' ? v : v * factor]),
      );
      trial.trends = {
        readMs: { stats: read, histogram: trial.histograms.response },
        writeMs: { stats: write as typeof read, histogram: trial.histograms.response },
      };
    }
  }
  return results;
}

describe('the takeaway of a flow that times reads apart from writes', () => {
  it('states read p50 and write p50 of each variant against the first, at the same rate', () => {
    const takeaway = experimentTakeaway(buildReportView(databaseResults()).experiments[0]!);
    expect(takeaway).toMatch(
      /^At the same rate, read p50 normalized \d+\.\d ms vs denormalized \d\.\d ms \(\d\.\d× lower\)/,
    );
    expect(takeaway).toMatch(
      /; write p50 normalized \d+\.\d ms vs denormalized \d+\.\d ms \(\d\.\d× higher\)/,
    );
  });

  it('keeps the generic latency lead when the flow does not time them', () => {
    const takeaway = experimentTakeaway(buildReportView(databaseResults(false)).experiments[0]!);
    expect(takeaway).not.toContain('read p50');
  });
});
