/**
 * Renders the README's sample charts from the synthetic fixtures into docs/images/ (until a real
 * `scalebench run` replaces them): `npx tsx test/golden/render-sample-images.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildCharts } from '../../reports/charts/chart-set.ts';
import { renderChartPng } from '../../reports/png.ts';
import { buildSuiteFixture } from '../helpers/results-fixtures.ts';

const wanted = ['caching-spectrum', 'clones-timeline', 'async-correctness'];
const out = new URL('../../docs/images/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const spec of buildCharts(buildSuiteFixture({ seed: 7 }))) {
  if (!wanted.includes(spec.id)) continue;
  const file = new URL(`sample-${spec.id}.png`, out);
  writeFileSync(file, renderChartPng(spec, { width: 960, height: 540, pixelRatio: 2 }));
  process.stdout.write(`wrote ${file.pathname}\n`);
}
