/** The per-experiment table: one row per variant; columns appear only when some variant has data for them. */

import { correctnessUnits, notEnoughText } from '../../results/evidence.ts';
import type { ThresholdOutcome } from '../../results/schema.ts';
import { noCapacityText } from '../model/capacity-verdict.ts';
import type { MetricStats } from '../model/stats.ts';
import { formatCount, formatMs, formatPercent, formatRate, humanize } from '../model/units.ts';
import { correctnessKeys, type ExperimentView, trendKeys, type VariantView } from '../model/views.ts';

/** how HTML colours a cell: a failure, a warning, or nothing */
export type Tone = 'fail' | 'warn' | undefined;

export interface Column<Row = VariantView> {
  header: string;
  /** right-aligned numbers */
  numeric: boolean;
  cell: (row: Row) => string;
  tone?: (row: Row) => Tone;
}

/** `12.1 ms ± 0.4 ms` with a 95% CI half-width when there are trials, else just the value */
export function withInterval(stats: MetricStats, format: (value: number) => string): string {
  if (!stats.ci) return format(stats.mean);
  return `${format(stats.mean)} ± ${format((stats.ci.upper - stats.ci.lower) / 2)}`;
}

/**
 * What the thresholds checked, and what they did not: a failed threshold (✗), one on a failure count judged
 * on too few cases (?), the pattern's failure no threshold asked about and errors over 1% outside the
 * fault windows (⚠). A plain ✓ only when none of these holds.
 */
export function thresholdCell(variant: VariantView): string {
  const { verdict } = variant;
  const failed = variant.thresholds.filter((threshold) => !threshold.passed);
  const unjudged = new Set(verdict.withoutEvidence.map((entry) => entry.threshold));
  const held = variant.thresholds.filter((threshold) => threshold.passed && !unjudged.has(threshold));
  const marks: string[] = [];
  if (failed.length > 0) marks.push(`✗ ${failed.map(thresholdText).join(', ')}`);
  for (const { threshold, evidence } of verdict.withoutEvidence)
    marks.push(`? ${thresholdText(threshold)}: ${notEnoughText(evidence)}`);
  const gated = new Set(failed.map((threshold) => threshold.metric));
  if (verdict.failing && !gated.has('http_req_failed_outside_faults') && !gated.has('http_req_failed'))
    marks.push(`⚠ ${formatPercent(verdict.errors.rate)} errors outside fault windows`);
  if (verdict.patternFailures.length > 0)
    marks.push(`⚠ the pattern's failure: ${verdict.patternFailures.map((e) => e.label).join(', ')}`);
  // what the thresholds checked, so a ✓ is not read as "this variant is fine" beyond them
  const checked = held.map(thresholdText).join(', ');
  if (marks.length === 0) return held.length === 0 ? '–' : `✓ ${checked}`;
  return [...(held.length > 0 ? [`held ${checked}`] : []), ...marks].join('; ');
}

/** within this share of its bound, a threshold's outcome is noise's to flip */
const EDGE = 0.1;

/** the measured value when it sits within EDGE of the threshold's bound: '102.7, at the edge' */
function edgeNote(threshold: ThresholdOutcome): string {
  const bound = Number(/(?:<=?|>=?|==)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(threshold.expression)?.[1]);
  const actual = threshold.actual;
  if (actual === null || !Number.isFinite(bound) || bound === 0) return '';
  if (Math.abs(actual - bound) > EDGE * Math.abs(bound)) return '';
  return ` (${Number(actual.toPrecision(4))}, at the edge)`;
}

/** 'p(50)<100', 'errors rate<0.01', 'sessionsLost count==0': a threshold as short as it stays clear */
function thresholdText(threshold: ThresholdOutcome): string {
  const note = edgeNote(threshold);
  if (threshold.metric === 'http_req_duration') return `${threshold.expression}${note}`;
  if (threshold.metric === 'http_req_failed_outside_faults' || threshold.metric === 'http_req_failed')
    return `errors ${threshold.expression}${note}`;
  return `${threshold.metric} ${threshold.expression}${note}`;
}

/** 'fail' for a failed threshold, 'warn' for the pattern's failure, errors or missing evidence; HTML colours them */
export function thresholdTone(variant: VariantView): Tone {
  if (variant.thresholds.some((threshold) => !threshold.passed)) return 'fail';
  return variant.verdict.clean ? undefined : 'warn';
}

/**
 * `≥ 3000` when the search reached its maxRate without breaking the SLO: the capacity is only a floor;
 * a variant that broke the SLO at every rate while showing its pattern's failure says so.
 */
function capacityCell(variant: VariantView): string {
  if (variant.capacity === null) return variant.slo ? noCapacityText(variant) : '–';
  const shown = variant.capacityCapped ? `≥ ${formatRate(variant.capacity)}` : formatRate(variant.capacity);
  return variant.kneeHostBound ? `${shown} ⚠ host-bound` : shown;
}

/** a failure count as its share of the cases judged, with the 95% Wilson interval, or 'not enough evidence' */
function correctnessCell(variant: VariantView, key: string): string {
  const evidence = variant.verdict.evidence.find((e) => e.violation === key);
  if (!evidence) return formatCount(variant.correctness[key] ?? 0);
  const figure = `${formatCount(evidence.failed)} of ${formatCount(evidence.judged)}`;
  if (evidence.verdict === 'not-enough-evidence') return `${figure}: not enough evidence`;
  const interval = evidence.interval
    ? `CI ${formatPercent(evidence.interval.lower)}–${formatPercent(evidence.interval.upper)}`
    : '';
  return evidence.failed > 0
    ? `${figure} (${formatPercent(evidence.rate ?? 0)}, ${interval})`
    : `${figure} (${interval})`;
}

export function experimentColumns(experiment: ExperimentView): Column[] {
  const variants = experiment.variants;
  const columns: Column[] = [
    { header: 'Variant', numeric: false, cell: (v) => (v.valid ? v.name : `${v.name} ⚠ invalid`) },
    { header: 'Trials', numeric: true, cell: (v) => String(v.trials) },
    { header: 'p50', numeric: true, cell: (v) => withInterval(v.p50, formatMs) },
    { header: 'p99', numeric: true, cell: (v) => withInterval(v.p99, formatMs) },
    { header: 'Iterations/s', numeric: true, cell: (v) => withInterval(v.throughput, formatRate) },
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
  // the cases judged and unjudged stand inside their failure count's cell, not in columns of their own
  for (const key of correctnessKeys(experiment).filter((key) => !isCaseCount(key))) {
    columns.push({
      header: humanize(key).replace(/^./, (first) => first.toUpperCase()),
      numeric: true,
      cell: (v) => correctnessCell(v, key),
      tone: (v) =>
        v.verdict.patternFailures.some((failure) => failure.violation === key) ? 'warn' : undefined,
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
  if (variants.some((variant) => variant.thresholds.length > 0 || !variant.verdict.clean)) {
    columns.push({ header: 'Thresholds', numeric: false, cell: thresholdCell, tone: thresholdTone });
  }
  return columns;
}

const caseCounts = new Set(correctnessUnits.flatMap((unit) => [unit.judged, unit.unjudged ?? unit.judged]));

/** a count of cases judged or given up (sessions, sessionsUnjudged, reads, ...), not a failure */
function isCaseCount(key: string): boolean {
  return caseCounts.has(key);
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
