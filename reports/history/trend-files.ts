/**
 * `history show --out trend.png|trend.html`: the trend charts, one per metric, as one PNG (the charts
 * stacked top to bottom, drawn by the same Chart.js + @napi-rs/canvas path as the report's charts) or one
 * self-contained HTML page (Chart.js inlined, as report.html).
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { ChartSpec } from '../charts/chart-spec.ts';
import { CHART_RUNTIME_SOURCE } from '../charts/runtime.ts';
import { escapeHtml, loadChartJs } from '../html/html.ts';
import { BOOT_SCRIPT, PAGE_STYLE } from '../html/page.ts';
import { defaultPngSize, renderChartPng } from '../png.ts';

const size = { ...defaultPngSize, height: 480 };

export async function renderTrendPng(specs: ChartSpec[]): Promise<Uint8Array> {
  const canvas = createCanvas(size.width, size.height * specs.length);
  const context = canvas.getContext('2d');
  for (const [index, spec] of specs.entries()) {
    const image = await loadImage(Buffer.from(renderChartPng(spec, size)));
    context.drawImage(image, 0, index * size.height);
  }
  return canvas.toBuffer('image/png');
}

const inline = (source: string) => source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

export async function renderTrendHtml(specs: ChartSpec[], subtitle: string): Promise<string> {
  const canvases = specs.map(
    (spec) =>
      `<div class="chart"><canvas id="chart-${spec.id}" role="img" aria-label="${escapeHtml(spec.title)}"></canvas></div>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>scalebench history</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<h1>scalebench history</h1>
<p class="meta">${escapeHtml(subtitle)}</p>
<div class="charts">${canvases.join('')}</div>
<script type="application/json" id="sb-charts">${JSON.stringify(specs).replace(/</g, '\\u003c')}</script>
<script>${inline(await loadChartJs())}</script>
<script>window.scalebenchChartRuntime = ${inline(CHART_RUNTIME_SOURCE)};</script>
<script>${BOOT_SCRIPT}</script>
</body>
</html>
`;
}
