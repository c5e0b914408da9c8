/** `scalebench report`: its flags only; the command's code (cli/report.ts) is imported when it runs. */
import type { Command } from 'commander';
import { reportFormats } from '../../reports/reporter.ts';
import type { CliContext } from '../context.ts';
import type { ReportFlags } from '../report.ts';
import { addDashboardOptions } from './dashboard.ts';

export function registerReport(program: Command, ctx: CliContext): void {
  const command = program
    .command('report')
    .description('re-render reports from a results file without re-running')
    .argument(
      '<results>',
      'results.json written by `scalebench run` or `scalebench bench` (with --dashboard: the results folder)',
    )
    .option('-f, --format <list>', `comma-separated: ${reportFormats.join(', ')} or all`, 'md,html,png')
    .option('-o, --out <dir>', 'output directory (default: the results file’s directory)');
  addDashboardOptions(command, {
    dashboard:
      'replay the run (events.ndjson of a results folder) into the live dashboard on 127.0.0.1 instead',
    after: 'the replay',
  })
    .option('--speed <x>', 'with --dashboard: replay this many times faster than recorded (default 1)')
    .action(async (resultsArg: string, flags: ReportFlags) => {
      const { parseReportOptions, runReport } = await import('../report.ts');
      await runReport(parseReportOptions(resultsArg, flags, ctx), ctx);
    });
}
