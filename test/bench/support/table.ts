/** Plain aligned text tables for the benchmark output: numbers right-aligned, text left-aligned. */

export type Cell = string | number;

/** a number, maybe signed, with a unit suffix (%, s) or a lone dash */
const NUMERIC = /^([-+×]?[\d.,]+\s*[%s]?|-)$/;

export function fmt(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '-';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatTable(
  title: string,
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
): string {
  const text = [header, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = header.map((_, column) => Math.max(...text.map((row) => (row[column] ?? '').length)));
  const body = text.slice(1);
  const right = header.map(
    (_, column) => body.length > 0 && body.every((row) => NUMERIC.test(row[column] ?? '')),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) => (right[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [`\n## ${title}`, line(text[0]!), rule, ...text.slice(1).map(line)].join('\n');
}

export function printTable(
  title: string,
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
): void {
  process.stdout.write(`${formatTable(title, header, rows)}\n`);
}

/** One verdict line: `target: <what> — met|NOT met (<detail>)`. */
export function printVerdict(what: string, met: boolean, detail: string): void {
  process.stdout.write(`target: ${what} — ${met ? 'met' : 'NOT met'} (${detail})\n`);
}
