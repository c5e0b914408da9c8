/** `scalebench export`: its flags only; the command's code (cli/export.ts) is imported when it runs. */
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import type { ExportK6Flags } from '../export.ts';

export function registerExport(program: Command, ctx: CliContext): void {
  const exportCommand = program
    .command('export')
    .description('write an experiment in another tool’s format (k6)');
  exportCommand
    .command('k6')
    .description('write an experiment as a k6 script: executor options, thresholds and flow')
    .argument(
      '<experiment>',
      'experiment name: clones, caching, async, database, or one of scalebench.config.ts',
    )
    .option('-o, --out <file>', 'write the script here (default: print it)')
    .option('--profile <name>', 'load profile: quick or full', 'full')
    .option('--base-url <url>', 'default target when BASE_URL is not set (k6 run -e BASE_URL=...)')
    .option(
      '--config <file>',
      'scalebench.config.ts with your own experiments (default: ./scalebench.config.ts)',
    )
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  scalebench export k6 clones --out clones.k6.js --base-url http://balancer:8080',
        '  k6 run -e BASE_URL=http://127.0.0.1:8080 clones.k6.js',
      ].join('\n'),
    )
    .action(async (experiment: string, flags: ExportK6Flags) => {
      const { parseExportK6Options, runExportK6 } = await import('../export.ts');
      await runExportK6(parseExportK6Options(experiment, flags, ctx.cwd), ctx);
    });
}
