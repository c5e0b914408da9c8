/** How a comparison row's numbers read, shared by the table and Markdown renderers. */
import { formatMs, formatRate } from '../model/units.ts';
import type { ComparisonRow } from './compare.ts';

export function formatValue(row: ComparisonRow, value: number): string {
  if (row.unit === 'ms') return formatMs(value);
  if (row.unit === 'req/s') return `${formatRate(value)}/s`;
  return `${(value * 100).toFixed(2)}%`;
}

function signed(value: number, digits: number): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;
}

/** +4.1% for ratios, +0.20 pp for differences */
export function formatChange(row: ComparisonRow, value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '+∞' : '−∞';
  return row.mode === 'ratio' ? `${signed((value - 1) * 100, 1)}%` : `${signed(value * 100, 2)} pp`;
}

export function formatInterval(row: ComparisonRow): string {
  return `[${formatChange(row, row.ci.lower)}, ${formatChange(row, row.ci.upper)}]`;
}

export function formatP(pValue: number): string {
  return pValue < 0.001 ? '<0.001' : pValue.toFixed(3);
}

export function cells(row: ComparisonRow): string[] {
  return [
    row.key,
    row.metric,
    formatValue(row, row.baseline.median),
    formatValue(row, row.candidate.median),
    formatChange(row, row.estimate),
    formatInterval(row),
    formatP(row.pValue),
    `${row.baseline.trials}/${row.candidate.trials}`,
    row.verdict,
  ];
}

export const headers = [
  'variant',
  'metric',
  'baseline',
  'candidate',
  'change',
  '95% CI',
  'p',
  'trials',
  'verdict',
];

export function summaryLine(verdict: string, rows: ComparisonRow[], threshold: number): string {
  const count = (name: string) => rows.filter((row) => row.verdict === name).length;
  return (
    `verdict: ${verdict} — ${count('REGRESSED')} regressed, ${count('IMPROVED')} improved, ` +
    `${count('NO-CHANGE')} no change, ${count('INCONCLUSIVE')} inconclusive ` +
    `(threshold ${(threshold * 100).toFixed(0)}%, error rate ±1 pp)`
  );
}
