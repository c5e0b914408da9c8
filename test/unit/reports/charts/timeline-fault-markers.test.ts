import { describe, expect, it } from 'vitest';
import { faultMarkers } from '../../../../reports/charts/timeline.ts';
import { buildReportView } from '../../../../reports/model/views.ts';
import { buildSuiteFixture } from '../../../helpers/results-fixtures.ts';

describe('fault markers on the timeline chart', () => {
  it('rounds the time and draws one labelled marker per moment, however many variants had it, after the warm-up', () => {
    const suite = buildSuiteFixture({ trials: 1, seconds: 12, experiments: ['clones'] });
    const variants = suite.experiments[0]!.variants;
    variants.forEach((variant, index) => {
      variant.trials[0]!.faults = [
        { atSeconds: 3.0218827279999996 + index * 0.004, kind: 'kill', detail: 'kill clone 0' },
      ];
    });
    const experiment = buildReportView(suite).experiments[0]!;
    // the fixture warms up for 3 s: the kill 3 s into the measured part is 6 s into the trial, and the
    // label says the time on the chart's own axis
    expect(faultMarkers(experiment)).toEqual([{ x: 6, label: 'kill clone 0 @ 6.0 s' }]);
  });

  it('names the variants a fault hit when others on the chart ran without it', () => {
    const suite = buildSuiteFixture({ trials: 1, seconds: 12, experiments: ['clones'] });
    const variants = suite.experiments[0]!.variants;
    variants[0]!.trials[0]!.faults = [{ atSeconds: 2, kind: 'kill', detail: 'kill clone 0' }];
    for (const variant of variants.slice(1)) variant.trials[0]!.faults = [];
    const experiment = buildReportView(suite).experiments[0]!;
    expect(faultMarkers(experiment)).toEqual([
      { x: 5, label: `kill clone 0 @ 5.0 s (${variants[0]!.name})` },
    ]);
  });
});
