/**
 * What the dashboard page uses of what the page loads before its own script: Chart.js (the `Chart`
 * global of chart.umd.js), the chart runtime (reports/charts/runtime.ts) and the page's labels, both set
 * on `window` by the served script's first lines. Typed as far as the page uses them.
 */
import type { PageLabels } from './page-labels.ts';

export interface Point {
  x: number;
  y: number;
}

/** a chart's series: `key` names it for the page (a class, a clone, a counter), `label` for people */
export interface Dataset {
  key: string;
  label: string;
  type: 'line' | 'bar';
  data: Point[];
  yAxisID: string;
  borderWidth: number;
  order: number;
  borderColor?: string | undefined;
  backgroundColor?: string | undefined;
  borderDash?: number[];
  pointRadius?: number;
  stack?: string;
}

interface Font {
  size: number;
  weight?: 'bold';
}

export interface AxisOptions {
  type?: 'linear';
  min?: number;
  max?: number | undefined;
  display?: boolean;
  beginAtZero?: boolean;
  position?: 'right';
  grid?: { drawOnChartArea: boolean };
  title?: { display: boolean; text: string; font: Font; color: string };
  ticks?: { font: Font };
}

/** a fault's line on the charts (the runtime's sbFaults plugin draws them) */
export interface FaultMark {
  x: number;
  label: string;
}

export interface ChartOptions {
  animation: false;
  responsive: true;
  maintainAspectRatio: false;
  parsing: true;
  interaction: { mode: 'nearest'; intersect: false };
  elements: { point: { radius: number }; line: { borderWidth: number } };
  scales: Record<string, AxisOptions>;
  plugins: {
    title: { display: boolean; text: string; font: Font; color: string };
    legend: { position: 'bottom'; labels: { font: Font; color: string } };
    sbFaults: { faults: FaultMark[]; warmupUntil: number | null; fontSize: number };
  };
}

export interface ChartConfig {
  type: 'line';
  data: { datasets: Dataset[] };
  options: ChartOptions;
}

/** a Chart.js chart as the page uses it; `sbTop` is the page's own: the highest throughput drawn */
export interface LiveChart {
  data: { datasets: Dataset[] };
  options: ChartOptions;
  canvas: HTMLCanvasElement;
  update(mode: 'none'): void;
  sbTop?: number;
}

interface ChartConstructor {
  new (canvas: HTMLCanvasElement, config: ChartConfig): LiveChart;
  register(...plugins: unknown[]): void;
}

declare global {
  interface Window {
    Chart: ChartConstructor;
    scalebenchChartRuntime: { plugins: unknown[] };
    scalebenchDashboardLabels: PageLabels;
  }
}

/** Chart.js, loaded before the page's script */
export function chartJs(): ChartConstructor {
  return window.Chart;
}
