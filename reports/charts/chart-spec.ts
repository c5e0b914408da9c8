/**
 * A chart as pure data: a JSON-serializable Chart.js configuration plus where it belongs. The same specs
 * are drawn to PNG in Node (reports/png.ts) and live in the browser (reports/html/html.ts); behaviour that
 * needs functions (tick labels, fault markers, white background) comes from reports/charts/runtime.ts.
 */
import type { ChartConfiguration } from 'chart.js';

export type ChartKind =
  | 'spectrum'
  | 'timeline'
  | 'bars'
  | 'correctness'
  | 'capacity'
  | 'share'
  | 'over-time'
  | 'replica-lag'
  | 'trend';

export interface ChartSpec {
  /** file-name friendly: `<experiment>-<kind>` */
  id: string;
  kind: ChartKind;
  experiment: string;
  title: string;
  config: ChartConfiguration;
}

/** A chart of `kind` for one experiment, filed as `<experiment>-<kind>`. */
export function chartSpec(
  experiment: string,
  kind: ChartKind,
  title: string,
  config: ChartConfiguration,
): ChartSpec {
  return { id: `${experiment}-${kind}`, kind, experiment, title, config };
}

export interface FaultMarker {
  x: number;
  label: string;
}

/** options read by the runtime plugins (options.plugins.sbFaults / sbNines) */
export interface RuntimeOptions {
  sbFaults?: { faults: FaultMarker[]; warmupUntil: number | null; fontSize?: number };
  sbNines?: { axis: 'x' };
}

const palette = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];

export function colorAt(index: number): string {
  return palette[index % palette.length]!;
}

export function titleOptions(text: string, subtitle?: string | string[]) {
  return {
    title: { display: true, text, font: { size: 16, weight: 'bold' as const } },
    subtitle: { display: Boolean(subtitle), text: subtitle ?? '', padding: { bottom: 8 } },
    legend: { position: 'bottom' as const },
  };
}

export function axisTitle(text: string) {
  return { display: true, text, font: { size: 13 } };
}
