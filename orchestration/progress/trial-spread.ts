/**
 * What `bench --trials N` and `ab` print about trials: one line as each ends, and the spread across
 * trials (min, median, max and the range as a share of the median) of the numbers `compare` gates on.
 */
import type { Summary } from '../../results/schema.ts';

const fixed = (value: number) => value.toFixed(value >= 100 ? 1 : value >= 10 ? 2 : 3);

export function formatTrialLine(label: string, summary: Summary): string {
  const { p50, p99 } = summary.latency.response;
  return `${label}: p50 ${fixed(p50)} ms, p99 ${fixed(p99)} ms, ${summary.achievedRate.toFixed(1)} req/s, ${summary.errors} errors${summary.valid ? '' : ' (INVALID)'}\n`;
}

const metrics: { name: string; unit: string; pick: (summary: Summary) => number }[] = [
  { name: 'p50', unit: 'ms', pick: (s) => s.latency.response.p50 },
  { name: 'p90', unit: 'ms', pick: (s) => s.latency.response.p90 },
  { name: 'p99', unit: 'ms', pick: (s) => s.latency.response.p99 },
  { name: 'throughput', unit: 'req/s', pick: (s) => s.achievedRate },
  { name: 'errors', unit: '', pick: (s) => s.errors },
];

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The spread table; `title` names whose trials (e.g. `baseline`). */
export function formatTrialSpread(summaries: Summary[], title = 'trials'): string {
  const head = `  ${`${title} (${summaries.length})`.padEnd(18)}${['min', 'median', 'max', 'range'].map((h) => h.padStart(11)).join('')}`;
  const rows = metrics.map(({ name, unit, pick }) => {
    const values = summaries.map(pick);
    const mid = medianOf(values);
    const range = Math.max(...values) - Math.min(...values);
    const share = mid > 0 ? `${((100 * range) / mid).toFixed(1)}%` : '–';
    const show = name === 'errors' ? (v: number) => String(v) : fixed;
    const cells = [Math.min(...values), mid, Math.max(...values)].map((v) => show(v).padStart(11));
    return `  ${`${name}${unit ? ` (${unit})` : ''}`.padEnd(18)}${cells.join('')}${share.padStart(11)}`;
  });
  return `${[head, ...rows].join('\n')}\n`;
}
