/**
 * Renders the README's sample charts and docs/sample-report.md from a REAL results file (by default the
 * committed quick-suite run, test/golden/quick-suite-results.json):
 * `npx tsx test/golden/render-sample-images.ts [results.json]`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildCharts } from '../../reports/charts/chart-set.ts';
import { renderMarkdown } from '../../reports/markdown/markdown.ts';
import { renderChartPng } from '../../reports/png.ts';
import { resultsFileSchema } from '../../results/schema.ts';

const wanted = ['caching-spectrum', 'clones-timeline', 'clones-correctness'];
const input = process.argv[2]
  ? resolve(process.argv[2])
  : new URL('quick-suite-results.json', import.meta.url).pathname;
const results = resultsFileSchema.parse(JSON.parse(readFileSync(input, 'utf8')));
const docs = new URL('../../docs/', import.meta.url);
mkdirSync(new URL('images/', docs), { recursive: true });
for (const spec of buildCharts(results)) {
  if (!wanted.includes(spec.id)) continue;
  const file = new URL(`images/sample-${spec.id}.png`, docs);
  writeFileSync(file, renderChartPng(spec, { width: 960, height: 540, pixelRatio: 2 }));
  process.stdout.write(`wrote ${file.pathname}\n`);
}
const report = new URL('sample-report.md', docs);
writeFileSync(report, renderMarkdown(results));
process.stdout.write(`wrote ${report.pathname}\n`);
