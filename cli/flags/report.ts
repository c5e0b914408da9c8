/** `scalebench report`: its flags only; the command's code (cli/report.ts) is imported when it runs. */
import type { Command } from 'commander';
import { reportFormats } from '../../reports/reporter.ts';
import type { CliContext } from '../context.ts';

export function registerReport(program: Command, ctx: CliContext): void {
  program
    .command('report')
    .description('re-render reports from a results file without re-running')
    .argument('<results>', 'results.json written by `scalebench run` or `scalebench bench`')
    .option('-f, --format <list>', `comma-separated: ${reportFormats.join(', ')} or all`, 'md,html,png')
    .option('-o, --out <dir>', 'output directory (default: the results file’s directory)')
    .action(async (resultsArg: string, flags: { format: string; out?: string }) => {
      const { parseReportOptions, runReport } = await import('../report.ts');
      await runReport(parseReportOptions(resultsArg, flags, ctx), ctx);
    });
}
