/**
 * The CPU-heavy job of the async experiment: render a report for an input. The report is a table whose
 * rows are derived from the input by hashing; it is compressed and fingerprinted. The result depends on
 * the input only, so sync, queued and prerendered answers are equal; the cost knob only decides how long
 * the renderer keeps re-rendering (real CPU: deflate + sha256) before it answers.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

export interface WorkResult {
  input: string;
  /** sha256 of the compressed table */
  digest: string;
  rows: number;
  /** the table's size before and after compression */
  bytes: number;
  compressedBytes: number;
  /** the first rows of the table, for humans */
  preview: string[];
}

export type WorkFunction = (input: string) => WorkResult;

const ROWS = 64;

/** milliseconds of CPU time this process has used so far (user + system) */
export function processCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function renderTable(input: string): string {
  const lines = ['row|key|score|bar'];
  for (let row = 0; row < ROWS; row += 1) {
    const hash = createHash('sha256').update(`${input}\u0000${row}`).digest('hex');
    const score = Number.parseInt(hash.slice(0, 6), 16) % 1000;
    lines.push(`${row}|${hash.slice(0, 16)}|${score}|${'#'.repeat(Math.floor(score / 25))}`);
  }
  return lines.join('\n');
}

function compressAndDigest(table: string): { compressed: Buffer; digest: string } {
  const compressed = deflateSync(table, { level: 9 });
  return { compressed, digest: createHash('sha256').update(compressed).digest('hex') };
}

/**
 * Renders the report of `input`, spending at least `costMs` of this process's CPU time (re-rendering
 * until the budget is used; every round must reproduce the same digest). `cpuClock` is injectable.
 */
export function renderReport(
  input: string,
  costMs: number,
  cpuClock: () => number = processCpuMs,
): WorkResult {
  const started = cpuClock();
  const table = renderTable(input);
  const { compressed, digest } = compressAndDigest(table);
  while (cpuClock() - started < costMs) {
    const again = compressAndDigest(renderTable(input));
    if (again.digest !== digest) throw new Error('render is not deterministic');
  }
  return {
    input,
    digest,
    rows: ROWS,
    bytes: Buffer.byteLength(table),
    compressedBytes: compressed.length,
    preview: table.split('\n').slice(0, 4),
  };
}

/** The work function with a fixed cost, counting each call (the accept path must never call it). */
export function makeWorkFunction(costMs: number, onCall: () => void = () => {}): WorkFunction {
  return (input) => {
    onCall();
    return renderReport(input, costMs);
  };
}
