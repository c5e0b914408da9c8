/** `scalebench compare`: its flags only; the command's code (cli/compare.ts) is imported when it runs. */
import type { Command } from 'commander';
import { defaultMetrics } from '../../reports/compare/metrics.ts';
import type { CompareCommandFlags } from '../compare.ts';
import type { CliContext } from '../context.ts';
import { collect } from '../parse.ts';

export function registerCompare(program: Command, ctx: CliContext): void {
  program
    .command('compare')
    .description(
      'regression gate: compare two results files trial by trial (exit 0 pass, 1 regression, 2 bad input, 3 inconclusive)',
    )
    .argument('[baseline]', 'results.json of the baseline, or history:<branch> (the last runs of a branch)')
    .argument('[candidate]', 'results.json of the candidate')
    .option('--baseline <source>', 'the baseline, when only the candidate is given as an argument')
    .option('--last <n>', 'history:<branch> baselines: how many of the branch’s last runs', '5')
    .option('--db <file>', 'history:<branch> baselines: the history database', 'perf.sqlite')
    .option('-t, --threshold <percent>', 'smallest change that matters', '10%')
    .option(
      '-m, --metric <names>',
      `metrics to gate on, repeatable or comma-separated (default ${defaultMetrics.join(',')})`,
      collect,
    )
    .option('-f, --format <format>', 'table, md or json', 'table')
    .option(
      '--step <name>',
      'compare one step (a flow request name or a --targets target) instead of whole runs',
    )
    .option('--markdown <file>', 'also write the Markdown verdict to FILE (e.g. a PR comment)')
    .action(
      async (baseline: string | undefined, candidate: string | undefined, flags: CompareCommandFlags) => {
        const { parseCompareOptions, runCompare } = await import('../compare.ts');
        const positional = [baseline, candidate].filter((arg): arg is string => arg !== undefined);
        await runCompare(parseCompareOptions(positional, flags, ctx), ctx);
      },
    );
}
