/**
 * report.html: ONE self-contained file — tables, findings and interactive Chart.js charts, with Chart.js
 * inlined from node_modules (no network). Chart specs are embedded as JSON and drawn by a boot script.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ResultsFile } from '../../results/schema.ts';
import { buildCharts } from '../charts/chart-set.ts';
import type { ChartSpec } from '../charts/chart-spec.ts';
import { CHART_RUNTIME_SOURCE } from '../charts/runtime.ts';
import { experimentFindings } from '../findings/findings.ts';
import { experimentTakeaway } from '../findings/takeaway.ts';
import { stepColumns, stepRows } from '../markdown/step-table.ts';
import { type Column, experimentColumns } from '../markdown/table.ts';
import { phaseTable } from '../model/phases.ts';
import { noVariantsText, skippedText } from '../model/skipped.ts';
import { buildReportView, type ExperimentView } from '../model/views.ts';
import type { Reporter } from '../reporter.ts';
import { BOOT_SCRIPT, PAGE_STYLE } from './page.ts';

const require = createRequire(import.meta.url);
let chartJsSource: Promise<string> | undefined;

export function loadChartJs(): Promise<string> {
  // the UMD build sits next to the CommonJS entry in chart.js/dist (it is not in the package's exports)
  chartJsSource ??= readFile(join(dirname(require.resolve('chart.js')), 'chart.umd.js'), 'utf8');
  return chartJsSource;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Inline <script> content must never contain `</script` (or `<!--`). */
export function inlineScript(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

function rowsHtml<Row>(columns: readonly Column<Row>[], items: readonly Row[]): string {
  const head = columns.map((column) => `<th>${escapeHtml(column.header)}</th>`).join('');
  const rows = items.map((item) => {
    const cells = columns.map((column) => {
      const classes = [column.numeric ? 'num' : '', column.tone?.(item) ?? ''].filter(Boolean).join(' ');
      return `<td${classes ? ` class="${classes}"` : ''}>${escapeHtml(column.cell(item))}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The request-phases table, when the results carry phases. */
function phasesHtml(experiment: ExperimentView): string {
  const table = phaseTable(experiment);
  if (!table) return '';
  const head = table.headers.map((header) => `<th>${escapeHtml(header)}</th>`).join('');
  const rows = table.rows.map(
    (row) =>
      `<tr>${row.map((cell, index) => `<td${table.numeric[index] ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`,
  );
  const note = table.note ? ` ${escapeHtml(table.note)}.` : '';
  return `<h3>Request phases</h3>\n<p class="note">waiting = time to first byte; connecting and TLS handshake are 0 on a reused connection.${note}</p>\n<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** the main table; a wide one (async: trend columns) shrinks and wraps its headers before the page grows */
function tableHtml(experiment: ExperimentView): string {
  return `<div class="table-wrap">${rowsHtml(experimentColumns(experiment), experiment.variants)}</div>`;
}

/** the per-step table, when some variant has two or more measured steps */
function stepTableHtml(experiment: ExperimentView): string {
  const rows = stepRows(experiment);
  if (rows.length === 0) return '';
  return `<h3>Per step</h3>\n${rowsHtml(stepColumns(experiment), rows)}`;
}

function takeawayHtml(experiment: ExperimentView): string {
  const takeaway = experimentTakeaway(experiment);
  return takeaway ? `<p class="takeaway"><strong>Takeaway.</strong> ${escapeHtml(takeaway)}</p>` : '';
}

function sectionHtml(experiment: ExperimentView, charts: ChartSpec[]): string {
  const canvases = charts
    .filter((chart) => chart.experiment === experiment.name)
    .map(
      (chart) =>
        `<div class="chart"><canvas id="chart-${chart.id}" role="img" aria-label="${escapeHtml(chart.title)}"></canvas></div>`,
    );
  return [
    `<section id="experiment-${escapeHtml(experiment.name)}">`,
    `<h2>${escapeHtml(experiment.title)}</h2>`,
    takeawayHtml(experiment),
    experiment.variants.length > 0 ? tableHtml(experiment) : `<p>${noVariantsText(experiment.skipped)}</p>`,
    phasesHtml(experiment),
    stepTableHtml(experiment),
    ...experiment.skipped.map(
      (skip) => `<p class="skipped"><strong>Skipped.</strong> ${escapeHtml(skippedText(skip))}</p>`,
    ),
    `<p class="findings"><strong>Findings.</strong> ${escapeHtml(experimentFindings(experiment).join(' '))}</p>`,
    `<div class="charts">${canvases.join('')}</div>`,
    '</section>',
  ].join('\n');
}

export async function renderHtml(results: ResultsFile): Promise<string> {
  const view = buildReportView(results);
  const charts = buildCharts(results);
  const env = results.environment;
  const title = results.kind === 'bench' ? view.experiments[0]!.title : 'scalebench report';
  const partial = view.complete
    ? ''
    : '<p class="partial"><strong>Partial results</strong>: the run did not finish; these are the parts completed so far.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(`${env.cpuModel} × ${env.cores}, Node ${env.nodeVersion}, ${env.os} ${env.arch}, scalebench ${env.scalebenchVersion} — ${results.createdAt}`)}</p>
${partial}
${view.experiments.map((experiment) => sectionHtml(experiment, charts)).join('\n')}
<script type="application/json" id="sb-charts">${JSON.stringify(charts).replace(/</g, '\\u003c')}</script>
<script>${inlineScript(await loadChartJs())}</script>
<script>window.scalebenchChartRuntime = ${inlineScript(CHART_RUNTIME_SOURCE)};</script>
<script>${BOOT_SCRIPT}</script>
</body>
</html>
`;
}

export const htmlReporter: Reporter = {
  format: 'html',
  description: 'report.html: one self-contained page with interactive charts (Chart.js inlined)',
  render: async (results) => [{ name: 'report.html', content: await renderHtml(results) }],
};
