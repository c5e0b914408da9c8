/** `scalebench compare`: its flags only; the command's code (cli/compare.ts) is imported when it runs. */
import type { Command } from 'commander';
import { defaultMetrics } from '../../reports/compare/metrics.ts';
import type { CompareFlags } from '../compare.ts';
import type { CliContext } from '../context.ts';
import { collect } from '../parse.ts';

export function registerCompare(program: Command, ctx: CliContext): void {
  program
    .command('compare')
    .description(
      'regression gate: compare two results files trial by trial (exit 0 pass, 1 regression, 2 bad input, 3 inconclusive)',
    )
    .argument('<baseline>', 'results.json of the baseline')
    .argument('<candidate>', 'results.json of the candidate')
    .option('-t, --threshold <percent>', 'smallest change that matters', '10%')
    .option(
      '-m, --metric <names>',
      `metrics to gate on, repeatable or comma-separated (default ${defaultMetrics.join(',')})`,
      collect,
    )
    .option('-f, --format <format>', 'table, md or json', 'table')
    .option('--markdown <file>', 'also write the Markdown verdict to FILE (e.g. a PR comment)')
    .action(async (baseline: string, candidate: string, flags: CompareFlags) => {
      const { parseCompareOptions, runCompare } = await import('../compare.ts');
      await runCompare(parseCompareOptions(baseline, candidate, flags, ctx), ctx);
    });
}
