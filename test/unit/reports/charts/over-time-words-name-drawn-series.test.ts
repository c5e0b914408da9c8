/**
 * Every over-time chart's title, subtitle and axis titles name only series it draws: no "hit ratio" on
 * a clones chart, no "jobs waiting" without a backlog line, no failures axis without failures.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { overTimeChart } from '../../../../reports/charts/over-time.ts';
import { buildReportView } from '../../../../reports/model/views.ts';
import { resultsFileSchema } from '../../../../results/schema.ts';
import { buildSuiteFixture } from '../../../helpers/results-fixtures.ts';
import { buildScalingFixture } from '../../../helpers/scaling-fixture.ts';

// a real quick suite, recorded (async's backlog), clones with sessions lost per second, and caching
// with sampled cache hits and misses
const recorded = buildReportView(
  resultsFileSchema.parse(
    JSON.parse(readFileSync(new URL('../../../golden/quick-suite-results.json', import.meta.url), 'utf8')),
  ),
).experiments;
const clones = buildReportView(buildScalingFixture()).experiments[0]!;
const caching = buildReportView(buildSuiteFixture({ trials: 1, seconds: 6, experiments: ['caching'] }))
  .experiments[0]!;
const cachingWithHits = {
  ...caching,
  name: 'caching-sampled',
  variants: caching.variants.map((variant) => ({
    ...variant,
    extraSeries: { cacheHits: [0, 8, 17, 25], cacheMisses: [0, 2, 3, 5] },
  })),
};
const experiments = [...recorded, clones, cachingWithHits];

describe('over-time chart words', () => {
  it('has charts to judge: hit ratio, failures and backlog among them', () => {
    const labels = experiments.flatMap(
      (experiment) =>
        overTimeChart(experiment)?.config.data.datasets.map((dataset) => dataset.label ?? '') ?? [],
    );
    expect(labels.some((label) => label.includes('hit ratio'))).toBe(true);
    expect(labels.some((label) => label.includes('backlog'))).toBe(true);
    expect(labels.some((label) => label.endsWith('/s'))).toBe(true);
  });

  for (const experiment of experiments) {
    it(`${experiment.name}: every word names a drawn series`, () => {
      const chart = overTimeChart(experiment);
      if (!chart) return;
      const labels = chart.config.data.datasets.map((dataset) => dataset.label ?? '');
      const options = chart.config.options as {
        plugins: { subtitle: { text: string } };
        scales: Record<string, { display?: boolean; title: { text: string } }>;
      };
      const words = [
        chart.title,
        options.plugins.subtitle.text,
        ...Object.values(options.scales)
          .filter((s) => s.display !== false)
          .map((s) => s.title.text),
      ].join(' | ');
      const drawn = {
        'hit ratio': labels.some((label) => label.includes('hit ratio')),
        'jobs waiting': labels.some((label) => label.includes('backlog')),
        'per second': labels.some((label) => label.endsWith('/s')),
      };
      for (const [word, present] of Object.entries(drawn)) {
        if (word === 'per second' && words.includes('first trial, per second')) {
          // the subtitle's "first trial, per second" is about the x axis; look past it
          const rest = words.replace('first trial, per second', '');
          expect(rest.includes(word), `${word} in "${words}"`).toBe(present);
        } else expect(words.includes(word), `${word} in "${words}"`).toBe(present);
      }
    });
  }
});
