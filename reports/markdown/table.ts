/** The per-experiment table: one row per variant; columns appear only when some variant has data for them. */

import { correctnessMetric, shareOf } from '../model/correctness-metrics.ts';
import type { MetricStats } from '../model/stats.ts';
import { formatCount, formatMs, formatPercent, formatRate, humanize } from '../model/units.ts';
import { correctnessKeys, type ExperimentView, trendKeys, type VariantView } from '../model/views.ts';

export interface Column<Row = VariantView> {
  header: string;
  /** right-aligned numbers */
  numeric: boolean;
  cell: (row: Row) => string;
}

/** `12.1 ms ± 0.4 ms` with a 95% CI half-width when there are trials, else just the value */
export function withInterval(stats: MetricStats, format: (value: number) => string): string {
  if (!stats.ci) return format(stats.mean);
  return `${format(stats.mean)} ± ${format((stats.ci.upper - stats.ci.lower) / 2)}`;
}

function thresholdCell(variant: VariantView): string {
  if (variant.thresholds.length === 0) return '–';
  const failed = variant.thresholds.filter((threshold) => !threshold.passed);
  if (failed.length === 0) return `✓ ${variant.thresholds.length}/${variant.thresholds.length}`;
  return `✗ ${failed.map((threshold) => `${threshold.metric} ${threshold.expression}`).join(', ')}`;
}

/** `≥ 3000` when the search reached its maxRate without breaking the SLO: the capacity is only a floor */
function capacityCell(variant: VariantView): string {
  if (variant.capacity === null) return variant.slo ? 'none' : '–';
  const shown = variant.capacityCapped ? `≥ ${formatRate(variant.capacity)}` : formatRate(variant.capacity);
  return variant.kneeHostBound ? `${shown} ⚠ host-bound` : shown;
}

/** a failure count with its share of the total when there is one: '53 (65%)' */
function correctnessCell(variant: VariantView, key: string): string {
  const metric = correctnessMetric(key);
  const share = metric ? shareOf(variant, metric) : null;
  const count = formatCount(variant.correctness[key] ?? 0);
  return share?.rate != null && share.count > 0 ? `${count} (${formatPercent(share.rate)})` : count;
}

export function experimentColumns(experiment: ExperimentView): Column[] {
  const variants = experiment.variants;
  const columns: Column[] = [
    { header: 'Variant', numeric: false, cell: (v) => (v.valid ? v.name : `${v.name} ⚠ invalid`) },
    { header: 'Trials', numeric: true, cell: (v) => String(v.trials) },
    { header: 'p50', numeric: true, cell: (v) => withInterval(v.p50, formatMs) },
    { header: 'p99', numeric: true, cell: (v) => withInterval(v.p99, formatMs) },
    {
      header: 'Throughput (iterations/s)',
      numeric: true,
      cell: (v) => withInterval(v.throughput, formatRate),
    },
    { header: 'Errors', numeric: true, cell: (v) => formatPercent(v.errorRate.mean) },
  ];
  if (variants.some((variant) => variant.hitRatio !== null)) {
    columns.push({
      header: 'Hit ratio',
      numeric: true,
      cell: (v) => (v.hitRatio === null ? '–' : formatPercent(v.hitRatio)),
    });
  }
  for (const key of trendKeys(experiment)) {
    const label = humanize(key.replace(/Ms$/, '')).replace(/^./, (first) => first.toUpperCase());
    for (const percentile of ['p50', 'p99'] as const) {
      columns.push({
        header: `${label} ${percentile}`,
        numeric: true,
        cell: (v) => (v.trends[key] ? withInterval(v.trends[key][percentile], formatMs) : '–'),
      });
    }
  }
  for (const key of correctnessKeys(experiment)) {
    columns.push({
      header: humanize(key).replace(/^./, (first) => first.toUpperCase()),
      numeric: true,
      cell: (v) => correctnessCell(v, key),
    });
  }
  if (variants.some((variant) => variant.capacity !== null || variant.slo !== null)) {
    columns.push({
      header: 'Capacity (iterations/s)',
      numeric: true,
      cell: capacityCell,
    });
  }
  if (variants.some((variant) => variant.hostIdleAtKnee !== null)) {
    columns.push({
      header: 'Host idle at knee',
      numeric: true,
      cell: (v) => (v.hostIdleAtKnee === null ? '–' : formatPercent(v.hostIdleAtKnee)),
    });
  }
  if (variants.some((variant) => variant.thresholds.length > 0)) {
    columns.push({ header: 'Thresholds', numeric: false, cell: thresholdCell });
  }
  return columns;
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|');

/** Pads a cell to `width` characters, on the left for right-aligned (numeric) columns. */
function pad(text: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - [...text].length));
  return right ? fill + text : text + fill;
}

/** Any table of text cells, aligned as GitHub tables (the layout biome's Markdown formatter also produces). */
export function alignedTextTable(
  headers: readonly string[],
  numeric: readonly boolean[],
  cells: readonly (readonly string[])[],
): string {
  const rows = cells.map((row) => row.map(escapeCell));
  const widths = headers.map((header, index) =>
    Math.max(3, [...header].length, ...rows.map((row) => [...row[index]!].length)),
  );
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, index) => pad(cell, widths[index]!, numeric[index]!)).join(' | ')} |`;
  const rule = `| ${headers
    .map((_, index) =>
      numeric[index] ? `${'-'.repeat(widths[index]! - 1)}:` : `:${'-'.repeat(widths[index]! - 1)}`,
    )
    .join(' | ')} |`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/** An aligned GitHub table with one row per item. */
export function alignedTable<Row>(columns: readonly Column<Row>[], items: readonly Row[]): string {
  return alignedTextTable(
    columns.map((column) => column.header),
    columns.map((column) => column.numeric),
    items.map((item) => columns.map((column) => column.cell(item))),
  );
}

export function markdownTable(experiment: ExperimentView): string {
  return alignedTable(experimentColumns(experiment), experiment.variants);
}
