/** `scalebench doctor`: its flags only; the command's code (cli/doctor.ts) is imported when it runs. */
import type { Command } from 'commander';
import { ExitCode } from '../../core/errors.ts';
import type { CliContext } from '../context.ts';

export function registerDoctor(program: Command, ctx: CliContext): void {
  program
    .command('doctor')
    .description('check that this machine can run the suite: Node, CPU, services, balancers, tools')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      '\nExit codes: 0 the full suite can run, 2 something is missing (the report says how to fix it).',
    )
    .action(async (options: { json?: boolean }) => {
      const { formatDoctorReport, gatherDoctorReport } = await import('../doctor.ts');
      const report = await gatherDoctorReport(ctx.env);
      ctx.stdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatDoctorReport(report));
      ctx.exitCode = report.ok ? ExitCode.ok : ExitCode.badInput;
    });
}
