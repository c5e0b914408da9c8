/** `compare --format table`: an aligned plain-text table for terminals and CI logs. */
import type { Comparison } from './compare.ts';
import { cells, headers, summaryLine } from './format-values.ts';

export function renderComparisonTable(comparison: Comparison): string {
  const rows = [headers, ...comparison.rows.map(cells)];
  const widths = headers.map((_, column) => Math.max(...rows.map((row) => [...row[column]!].length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell + ' '.repeat(widths[column]! - [...cell].length))
      .join('  ')
      .trimEnd();
  const out = [line(rows[0]!), line(widths.map((width) => '-'.repeat(width))), ...rows.slice(1).map(line)];
  out.push('', summaryLine(comparison.verdict, comparison.rows, comparison.threshold));
  return `${out.join('\n')}\n`;
}
