/**
 * What `scalebench run` prints last: each experiment's takeaway (the report's own sentence, so the
 * terminal and the report say the same) and where the report is, as an absolute path a presenter can
 * open from anywhere.
 */
import { join } from 'node:path';
import { experimentTakeaway } from '../reports/findings/takeaway.ts';
import { buildReportView } from '../reports/model/views.ts';
import type { ReportFormat } from '../reports/reporter.ts';
import type { SuiteResults } from '../results/schema.ts';

export function runSummary(results: SuiteResults, outDir: string, formats: readonly ReportFormat[]): string {
  const takeaways = buildReportView(results).experiments.flatMap((experiment) => {
    const takeaway = experimentTakeaway(experiment);
    return takeaway ? [`  ${experiment.name}: ${takeaway}`] : [];
  });
  return [
    ...(takeaways.length > 0 ? ['takeaways:', ...takeaways] : []),
    `${results.complete ? 'report' : 'partial report'} written to ${outDir}/ (${formats.join(', ')})`,
    ...(formats.includes('html') ? [`open ${join(outDir, 'report.html')}`] : []),
    '',
  ].join('\n');
}
