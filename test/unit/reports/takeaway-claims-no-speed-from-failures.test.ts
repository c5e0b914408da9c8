import { describe, expect, it } from 'vitest';
import { experimentTakeaway } from '../../../reports/findings/takeaway.ts';
import { buildReportView } from '../../../reports/model/views.ts';
import type { VariantResult } from '../../../results/schema.ts';
import { buildSuiteFixture } from '../../helpers/results-fixtures.ts';

/** the clones fixture with its second variant answering fast because it fails `errorShare` of requests */
function failingFast(errorShare: number) {
  const suite = buildSuiteFixture({ experiments: ['clones'], trials: 1, seconds: 8 });
  const [baseline, other] = suite.experiments[0]!.variants as [VariantResult, VariantResult];
  const trial = other.trials[0]!;
  const response = trial.summary.latency.response;
  const faster = { ...response, p50: baseline.trials[0]!.summary.latency.response.p50 / 4 };
  const errors = Math.round(trial.summary.requests * errorShare);
  suite.experiments[0]!.variants = [
    baseline,
    {
      ...other,
      trials: [
        {
          ...trial,
          summary: { ...trial.summary, errors, latency: { ...trial.summary.latency, response: faster } },
          // the failures all trial long, as the per-second series records them
          series: trial.series.map((point) => ({
            ...point,
            errors: Math.round(point.requests * errorShare),
          })),
        },
      ],
    },
  ];
  return { view: buildReportView(suite).experiments[0]!, name: other.name };
}

describe('the takeaway', () => {
  it('claims a p50 cut for a variant that answers fast and fails nothing', () => {
    const { view, name } = failingFast(0);
    expect(experimentTakeaway(view)).toContain(`${name} cut p50`);
  });

  it('claims no speed for a variant that is fast because it fails 40% of its requests', () => {
    const { view, name } = failingFast(0.4);
    expect(experimentTakeaway(view)).not.toContain(`${name} cut p50`);
  });
});
