/**
 * The four charts of a variant's section and their series: one time base (seconds since the trial
 * started, warm-up included), every series with a fixed colour and a human name, red only for failures.
 */
import type { AxisOptions, ChartConfig, Dataset, LiveChart } from './chart-api.ts';
import { big, LABELS, nameOf } from './page.ts';

const CLONE_COLOURS = [
  '#1f77b4',
  '#2ca02c',
  '#9467bd',
  '#8c564b',
  '#17becf',
  '#bcbd22',
  '#e377c2',
  '#7f7f7f',
];
const FAILURE_COLOURS = ['#d62728', '#ff7f0e', '#e377c2', '#8c564b'];
const ERROR_COLOURS = ['#d62728', '#ff9896', '#8c1c13', '#e377c2', '#ff7f0e'];
const LATENCY_COLOURS: Record<string, string> = { p50: '#1f77b4', p90: '#9467bd', p99: '#ff7f0e' };
export const failureOf: Record<string, PageFailure> = {};
for (const f of LABELS.failures) failureOf[f.violation] = f;

type PageFailure = (typeof LABELS.failures)[number];

export function chartConfig(title: string, yTitle: string, extra?: Record<string, AxisOptions>): ChartConfig {
  const font = { size: big() ? 22 : 17, weight: 'bold' as const };
  const axisFont = { size: big() ? 18 : 14 };
  const scales: Record<string, AxisOptions> = {
    x: {
      type: 'linear',
      min: 0,
      title: {
        display: true,
        text: 'seconds since the trial started (grey: warm-up)',
        font: axisFont,
        color: '#222',
      },
      ticks: { font: axisFont },
    },
    y: {
      beginAtZero: true,
      title: { display: true, text: yTitle, font: axisFont, color: '#222' },
      ticks: { font: axisFont },
    },
  };
  for (const name of Object.keys(extra || {})) scales[name] = extra![name]!;
  return {
    type: 'line',
    data: { datasets: [] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: true,
      interaction: { mode: 'nearest', intersect: false },
      elements: { point: { radius: big() ? 3 : 2 }, line: { borderWidth: big() ? 4 : 3 } },
      scales: scales,
      plugins: {
        title: { display: true, text: title, font: font, color: '#111' },
        legend: { position: 'bottom', labels: { font: { size: big() ? 18 : 14 }, color: '#222' } },
        sbFaults: { faults: [], warmupUntil: null, fontSize: big() ? 18 : 13 },
      },
    },
  };
}

export function rightAxis(title: string, shown: boolean): AxisOptions {
  return {
    display: shown,
    beginAtZero: true,
    position: 'right',
    grid: { drawOnChartArea: false },
    title: { display: true, text: title, font: { size: big() ? 18 : 14 }, color: '#222' },
  };
}

/** a chart's series by key, created with its fixed style the first time */
export function series(c: LiveChart, key: string, axis?: string): Dataset {
  for (const d of c.data.datasets) if (d.key === key) return d;
  const d: Dataset = {
    key: key,
    label: nameOf(key),
    type: 'line',
    data: [],
    yAxisID: axis || 'y',
    borderWidth: big() ? 4 : 3,
    order: 1,
  };
  const canvas = c.canvas.getAttribute('data-chart');
  if (canvas === 'throughput') styleThroughput(c, d, key);
  else if (canvas === 'latency') {
    d.label = key + ' (ms)';
    d.borderColor = LATENCY_COLOURS[key];
  } else if (canvas === 'share') {
    d.label = key;
    d.borderColor = CLONE_COLOURS[c.data.datasets.length % CLONE_COLOURS.length];
  } else styleCorrectness(c, d, key);
  d.backgroundColor = d.borderColor;
  c.data.datasets.push(d);
  return d;
}

function styleThroughput(c: LiveChart, d: Dataset, key: string): void {
  if (key === 'requests') {
    d.label = 'requests/s';
    d.borderColor = '#1f77b4';
    return;
  }
  if (key === 'planned') {
    d.label = 'planned iterations/s (right axis; an iteration makes several requests)';
    d.borderColor = '#7f7f7f';
    d.borderDash = [8, 5];
    d.pointRadius = 0;
    d.yAxisID = 'y2';
    c.options.scales['y2']!.display = true;
    return;
  }
  const errors = c.data.datasets.filter((x) => x.type === 'bar').length;
  d.type = 'bar';
  d.stack = 'errors';
  d.order = 0;
  d.borderColor = ERROR_COLOURS[errors % ERROR_COLOURS.length];
  d.label = nameOf(key.slice('error:'.length)) + ' per second';
}

function styleCorrectness(c: LiveChart, d: Dataset, key: string): void {
  if (d.yAxisID === 'y1') {
    d.borderColor = '#17becf';
    d.borderDash = [2, 3];
    c.options.scales['y1']!.display = true;
  } else if (failureOf[key]) {
    // a failure: thick, red first, under its total so both stay visible where they are equal
    const failures = c.data.datasets.filter((x) => failureOf[x.key]).length;
    d.borderColor = FAILURE_COLOURS[failures % FAILURE_COLOURS.length];
    d.borderWidth = big() ? 10 : 7;
    d.order = 2;
  } else if (LABELS.totals.indexOf(key) >= 0) {
    d.borderColor = '#444';
    d.borderDash = [10, 6];
    d.borderWidth = 2;
    d.order = 0;
    d.pointRadius = 0;
  } else {
    d.borderColor = '#8c564b';
    d.borderDash = [3, 3];
  }
}

/** both throughput axes on one scale: 30 planned iterations/s sits at 30, beside the requests */
export function sameScale(c: LiveChart, values: number[]): void {
  const top = Math.max(...[c.sbTop || 0].concat(values));
  c.sbTop = top;
  const step = 10 ** Math.floor(Math.log10(Math.max(top, 1)));
  const max = Math.ceil((top * 1.1) / step) * step;
  c.options.scales['y']!.max = max;
  c.options.scales['y2']!.max = max;
}
