/**
 * PNG charts, drawn by Chart.js on an @napi-rs/canvas in Node: `charts/<experiment>-<kind>.png` on a
 * white background. Pixel ratio 1 by default (fast); 2 makes crisper images for a README.
 */
import { createCanvas } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration, type ChartItem, registerables } from 'chart.js';
import type { ResultsFile } from '../results/schema.ts';
import { buildCharts } from './charts/chart-set.ts';
import type { ChartSpec } from './charts/chart-spec.ts';
import { loadChartRuntime } from './charts/runtime.ts';
import type { RenderedFile, Reporter } from './reporter.ts';

export interface PngSize {
  width: number;
  height: number;
  /** device pixels per CSS pixel; 2 for a crisper README image */
  pixelRatio: number;
}

export const defaultPngSize: PngSize = { width: 1100, height: 620, pixelRatio: 1 };

const runtime = loadChartRuntime();
let registered = false;

function ensureRegistered(): void {
  if (registered) return;
  Chart.register(...registerables, ...runtime.plugins);
  Chart.defaults.font.family = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
  Chart.defaults.color = '#222222';
  Chart.defaults.font.size = 13;
  registered = true;
}

/** Draws one chart spec and returns the PNG bytes. */
export function renderChartPng(spec: ChartSpec, size: PngSize = defaultPngSize): Uint8Array {
  ensureRegistered();
  // created at CSS size: Chart.js itself scales the backing store by devicePixelRatio
  const canvas = createCanvas(size.width, size.height);
  const config = runtime.hydrate(structuredClone(spec.config) as ChartConfiguration);
  config.options = {
    ...config.options,
    responsive: false,
    animation: false,
    devicePixelRatio: size.pixelRatio,
  };
  const chart = new Chart(canvas as unknown as ChartItem, config);
  try {
    return canvas.toBuffer('image/png');
  } finally {
    chart.destroy();
  }
}

export async function renderPngCharts(results: ResultsFile): Promise<RenderedFile[]> {
  return buildCharts(results).map((spec) => ({
    name: `charts/${spec.id}.png`,
    content: renderChartPng(spec),
  }));
}

export const pngReporter: Reporter = {
  format: 'png',
  description: 'charts/<experiment>-{spectrum,timeline,bars,correctness}.png',
  render: renderPngCharts,
};
