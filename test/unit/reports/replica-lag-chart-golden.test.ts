import { describe, expect, it } from 'vitest';
import { replicaLagChart } from '../../../reports/charts/replica-lag.ts';
import { buildReportView } from '../../../reports/model/views.ts';
import { expectMatchesGolden } from '../../golden/golden.ts';
import { buildSuiteFixture } from '../../helpers/results-fixtures.ts';

/** the database fixture, its replica's first trial given violations in the seconds its lag is high */
function databaseView() {
  const results = buildSuiteFixture({ seed: 7, trials: 1, seconds: 12, experiments: ['database'] });
  for (const variant of results.experiments[0]!.variants) {
    const trial = variant.trials[0]!;
    const lag = trial.extraSeries.replicaLagMs;
    if (!lag) continue;
    for (const point of trial.series) {
      if ((lag[point.second] ?? 0) > 60) point.counters = { rywChecks: 5, rywViolations: 2 };
    }
  }
  return buildReportView(results).experiments[0]!;
}

describe('the replica lag chart', () => {
  it('puts lag per second next to read-your-writes violations per second, for the replica only (golden spec)', () => {
    const chart = replicaLagChart(databaseView());
    expect(chart?.id).toBe('database-replica-lag');
    expect(chart?.config.data.datasets.map((dataset) => dataset.label)).toEqual([
      'replica: replica lag (ms)',
      'replica: read-your-writes violations',
    ]);
    expectMatchesGolden('test/golden/database-replica-lag-chart.json', `${JSON.stringify(chart, null, 2)}\n`);
  });

  it('is not drawn when no variant has a replica', () => {
    const view = databaseView();
    const withoutReplica = { ...view, variants: view.variants.filter((v) => v.name !== 'replica') };
    expect(replicaLagChart(withoutReplica)).toBeNull();
  });
});
