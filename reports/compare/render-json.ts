/** `compare --format json`: the whole comparison, machine-readable. */
import type { Comparison } from './compare.ts';

export function renderComparisonJson(
  comparison: Comparison,
  files: { baseline: string; candidate: string },
): string {
  return `${JSON.stringify({ ...files, ...comparison }, null, 2)}\n`;
}
