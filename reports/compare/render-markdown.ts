/** `compare --format md` and the $GITHUB_STEP_SUMMARY: a Markdown table with an icon per verdict. */
import type { Comparison } from './compare.ts';
import { cells, headers, summaryLine } from './format-values.ts';
import type { Verdict } from './verdict.ts';

const icons: Record<Verdict, string> = {
  REGRESSED: '🔴',
  IMPROVED: '🟢',
  'NO-CHANGE': '⚪',
  INCONCLUSIVE: '🟡',
};

export function renderComparisonMarkdown(comparison: Comparison): string {
  const lines = [`## scalebench compare: ${icons[comparison.verdict]} ${comparison.verdict}`, ''];
  for (const warning of comparison.warnings) lines.push(`> ⚠ ${warning}`, '');
  lines.push(`| ${headers.join(' | ')} |`, `|${headers.map((_, i) => (i < 2 ? ':---' : '---:')).join('|')}|`);
  for (const row of comparison.rows) {
    const values = cells(row);
    values[values.length - 1] = `${icons[row.verdict]} ${row.verdict}`;
    lines.push(`| ${values.join(' | ')} |`);
  }
  lines.push('', summaryLine(comparison.verdict, comparison.rows, comparison.threshold), '');
  lines.push(
    'One sample = one trial; change = ratio of medians (difference for the error rate) with a bootstrap 95% CI; ' +
      'p = Mann–Whitney U, two-sided.',
  );
  return `${lines.join('\n')}\n`;
}
