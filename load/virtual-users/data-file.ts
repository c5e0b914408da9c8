/**
 * The data files flows read with vu.data: CSV (a header row, parsed by csv-parse) or JSON Lines, read
 * once per thread, and handed out row by row in one of three modes. `unique` gives this thread the rows
 * of its slice (row i belongs to slice i mod count), so threads and shards never share a row.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ScalebenchError } from '../../core/errors.ts';
import { seededRandom } from '../../core/seeded-random.ts';
import type { DataMode, DataRow } from '../../load-model/flows/types.ts';

/** which rows of a `unique` file this thread owns: index of count (shard × worker thread) */
export interface DataSlice {
  index: number;
  count: number;
}

const HINT = 'give vu.data a CSV file with a header row, or JSON Lines (.jsonl), one row a line';

function dataError(message: string, hint = HINT): ScalebenchError {
  return new ScalebenchError('SB_ERR_INVALID_CONFIG', message, { hint });
}

function parseCsv(file: string, text: string): DataRow[] {
  try {
    return parse(text, { columns: true, skip_empty_lines: true, bom: true }) as DataRow[];
  } catch (error: unknown) {
    const { code, lines, message } = error as { code?: string; lines?: number; message: string };
    if (code === 'CSV_RECORD_INCONSISTENT_COLUMNS' || code === 'CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH') {
      throw dataError(
        `${file}:${lines}: ragged row: ${message.replace(/^Invalid Record Length: /, '')}`,
        'every row needs as many fields as the header row',
      );
    }
    throw dataError(`${file}: not valid CSV (${message})`);
  }
}

function parseJsonLines(file: string, text: string): DataRow[] {
  const rows: DataRow[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error: unknown) {
      throw dataError(`${file}:${index + 1}: not JSON (${(error as Error).message})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw dataError(`${file}:${index + 1}: a row must be a JSON object`);
    }
    rows.push(value as DataRow);
  });
  return rows;
}

export function loadDataFile(file: string, cwd: string): DataRow[] {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error: unknown) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw dataError(`vu.data: cannot read ${file} (${reason})`, `the path is relative to ${cwd}`);
  }
  const rows = /\.(jsonl|ndjson)$/i.test(file) ? parseJsonLines(file, text) : parseCsv(file, text);
  if (rows.length === 0)
    throw dataError(`vu.data: ${file} has no rows`, `${HINT}; it needs at least one row`);
  return rows;
}

/** Hands out the rows of one file in one mode, for every VU of a thread. */
export class DataCursor {
  private next = 0;
  private readonly random = seededRandom(7);

  constructor(
    private readonly file: string,
    private readonly rows: readonly DataRow[],
    private readonly mode: DataMode,
    private readonly slice: DataSlice,
  ) {
    // unique: this slice's first row; then every count-th
    if (mode === 'unique') this.next = slice.index;
  }

  take(): DataRow {
    if (this.mode === 'random') return this.rows[Math.floor(this.random() * this.rows.length)]!;
    if (this.mode === 'sequential') {
      const row = this.rows[this.next]!;
      this.next = (this.next + 1) % this.rows.length;
      return row;
    }
    const row = this.rows[this.next];
    if (row === undefined) {
      throw new Error(
        `vu.data('${this.file}', 'unique'): all ${this.rows.length} rows are used (this thread had every ${this.slice.count}th)`,
      );
    }
    this.next += this.slice.count;
    return row;
  }
}

/** Every data file a thread's VUs read, loaded on first use; a load failure is kept and rethrown. */
export class DataFiles {
  private readonly cursors = new Map<string, DataCursor>();

  constructor(
    private readonly cwd: string,
    private readonly slice: DataSlice = { index: 0, count: 1 },
  ) {}

  take(file: string, mode: DataMode): DataRow {
    const key = `${mode}\u0000${file}`;
    let cursor = this.cursors.get(key);
    if (!cursor) {
      if (mode !== 'sequential' && mode !== 'random' && mode !== 'unique') {
        throw dataError(
          `vu.data('${file}', '${String(mode)}'): unknown mode`,
          "use 'sequential', 'random' or 'unique'",
        );
      }
      cursor = new DataCursor(file, loadDataFile(file, this.cwd), mode, this.slice);
      this.cursors.set(key, cursor);
    }
    return cursor.take();
  }
}
