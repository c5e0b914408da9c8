/**
 * The performance history as trends: for each metric, one value per run (the median of its trials), one
 * line per branch and machine fingerprint (and sample set, when there are several), over the runs in the
 * order they were added. Runs from different machines never share a line.
 */
import type { HistoryRun } from '../../results/history-store.ts';
import { axisTitle, type ChartSpec, colorAt, titleOptions } from '../charts/chart-spec.ts';
import type { MetricDefinition } from '../compare/metrics.ts';
import { median } from '../model/stats.ts';

export interface TrendLine {
  label: string;
  branch: string;
  fingerprint: string;
  key: string;
  /** one value per run, aligned with the runs; null where the line has no run */
  values: (number | null)[];
}

export function runLabel(run: HistoryRun): string {
  return run.commit ? run.commit.slice(0, 7) : `#${run.id}`;
}

export function trendLines(runs: HistoryRun[], metric: MetricDefinition): TrendLine[] {
  const keys = new Set(runs.flatMap((run) => run.sets.map((set) => set.key)));
  const machines = new Set(runs.map((run) => run.fingerprint));
  const lines = new Map<string, TrendLine>();
  for (const [index, run] of runs.entries()) {
    for (const set of run.sets) {
      const id = JSON.stringify([run.branch, run.fingerprint, set.key]);
      let line = lines.get(id);
      if (!line) {
        const parts = [
          run.branch,
          ...(keys.size > 1 ? [set.key] : []),
          ...(machines.size > 1 ? [run.fingerprint] : []),
        ];
        line = {
          label: parts.join(' · '),
          branch: run.branch,
          fingerprint: run.fingerprint,
          key: set.key,
          values: runs.map(() => null),
        };
        lines.set(id, line);
      }
      line.values[index] = median(set.summaries.map(metric.extract));
    }
  }
  return [...lines.values()];
}

export function trendChart(runs: HistoryRun[], metric: MetricDefinition): ChartSpec {
  const lines = trendLines(runs, metric);
  const machines = new Set(runs.map((run) => run.fingerprint));
  const subtitle = [
    "median of each run's trials; one line per branch",
    machines.size > 1
      ? ` and machine (${machines.size} machines: never mixed)`
      : ` — ${[...machines][0] ?? ''}`,
  ].join('');
  return {
    id: `trend-${metric.name}`,
    kind: 'trend',
    experiment: 'history',
    title: `${metric.name} over commits`,
    config: {
      type: 'line',
      data: {
        labels: runs.map(runLabel),
        datasets: lines.map((line, index) => ({
          label: line.label,
          data: line.values,
          borderColor: colorAt(index),
          backgroundColor: colorAt(index),
          borderWidth: 2,
          pointRadius: 4,
          spanGaps: true,
        })),
      },
      options: {
        plugins: titleOptions(`${metric.name} over commits`, subtitle),
        scales: {
          x: { offset: true, title: axisTitle('commit (in the order runs were added)') },
          y: { beginAtZero: true, title: axisTitle(`${metric.name} (${metric.unit})`) },
        },
      },
    },
  };
}

const show = (value: number, unit: MetricDefinition['unit']) =>
  unit === 'fraction' ? `${(100 * value).toFixed(2)}%` : value.toFixed(value >= 100 ? 1 : 3);

/** `history show` without --out: one row per run, one column per metric. */
export function formatTrendTable(runs: HistoryRun[], metrics: MetricDefinition[]): string {
  const header = [
    'run',
    'commit',
    'branch',
    'set',
    'trials',
    ...metrics.map((m) => `${m.name} (${m.unit})`),
    'machine',
  ];
  const rows = runs.flatMap((run) =>
    run.sets.map((set) => [
      `#${run.id}`,
      runLabel(run),
      run.branch,
      set.key,
      String(set.summaries.length),
      ...metrics.map((metric) => show(median(set.summaries.map(metric.extract)), metric.unit)),
      run.fingerprint,
    ]),
  );
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => row[column]!.length)),
  );
  const format = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return `${[format(header), ...rows.map(format)].join('\n')}\n`;
}
