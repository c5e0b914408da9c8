/** report.md: a heading, then per experiment a table and a findings paragraph computed from the data. */
import type { ResultsFile } from '../../results/schema.ts';
import { experimentFindings } from '../findings/findings.ts';
import { experimentTakeaway } from '../findings/takeaway.ts';
import { phaseTable } from '../model/phases.ts';
import { noVariantsText, skippedText } from '../model/skipped.ts';
import { buildReportView, type ExperimentView, type ReportView } from '../model/views.ts';
import type { Reporter } from '../reporter.ts';
import { markdownStepTable } from './step-table.ts';
import { alignedTextTable, markdownTable } from './table.ts';

function environmentLine(results: ResultsFile): string {
  const env = results.environment;
  const commit = env.gitCommit ? `, commit ${env.gitCommit}` : '';
  return `_${env.cpuModel} × ${env.cores}, Node ${env.nodeVersion}, ${env.os} ${env.arch}, scalebench ${env.scalebenchVersion}${commit}; ${results.createdAt}_`;
}

function partialNote(view: ReportView): string[] {
  if (view.complete) return [];
  return [
    '> ⚠ **Partial results**: the run did not finish (interrupted or still running); ' +
      'experiments and variants below are the ones completed so far.',
    '',
  ];
}

function takeawayLines(experiment: ExperimentView): string[] {
  const takeaway = experimentTakeaway(experiment);
  return takeaway ? [`**Takeaway.** ${takeaway}`, ''] : [];
}

function skippedLines(experiment: ExperimentView): string[] {
  return experiment.skipped.map((skip) => `**Skipped.** ${skippedText(skip)}`).flatMap((line) => [line, '']);
}

/** The request-phases table, when the results carry phases. */
function phaseLines(experiment: ExperimentView): string[] {
  const table = phaseTable(experiment);
  if (!table) return [];
  return [
    `**Request phases** (waiting = time to first byte; connecting and TLS handshake are 0 on a reused connection${table.note ? `; ${table.note}` : ''}):`,
    '',
    alignedTextTable(table.headers, table.numeric, table.rows),
    '',
  ];
}

function stepLines(experiment: ExperimentView): string[] {
  const table = markdownStepTable(experiment);
  return table
    ? ['**Per step** (response time from when each request was due; all trials merged):', '', table, '']
    : [];
}

function experimentSection(experiment: ExperimentView, level: string): string[] {
  return [
    `${level} ${experiment.title} (\`${experiment.name}\`)`,
    '',
    ...takeawayLines(experiment),
    experiment.variants.length > 0 ? markdownTable(experiment) : `_${noVariantsText(experiment.skipped)}_`,
    '',
    ...phaseLines(experiment),
    ...stepLines(experiment),
    ...skippedLines(experiment),
    `**Findings.** ${experimentFindings(experiment).join(' ')}`,
    '',
  ];
}

/** The report as Markdown text; also used for $GITHUB_STEP_SUMMARY. */
export function renderMarkdown(results: ResultsFile): string {
  const view = buildReportView(results);
  const title = results.kind === 'bench' ? view.experiments[0]!.title : 'scalebench report';
  const lines = [`# ${title}`, '', environmentLine(results), '', ...partialNote(view)];
  if (results.kind === 'suite') {
    for (const experiment of view.experiments) lines.push(...experimentSection(experiment, '##'));
    if (view.experiments.length === 0) lines.push('_No experiment has finished yet._', '');
  } else {
    const experiment = view.experiments[0]!;
    lines.push(
      markdownTable(experiment),
      '',
      ...phaseLines(experiment),
      ...stepLines(experiment),
      `**Findings.** ${experimentFindings(experiment).join(' ')}`,
      '',
    );
  }
  lines.push('p50/p99 are response times measured from when each request was due (no coordinated omission).');
  if (view.experiments.some((experiment) => experiment.variants.some((variant) => variant.trials >= 2))) {
    lines.push('± is the 95% confidence interval of the mean across trials.');
  }
  return `${lines.join('\n')}\n`;
}

export const markdownReporter: Reporter = {
  format: 'md',
  description: 'report.md: a table and a findings paragraph per experiment',
  render: async (results) => [{ name: 'report.md', content: renderMarkdown(results) }],
};
