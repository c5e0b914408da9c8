/** `scalebench history add|show`: its flags only; the command's code (cli/history.ts) is imported when it runs. */
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import type { HistoryAddFlags, HistoryShowFlags } from '../history.ts';
import { collect } from '../parse.ts';

export function registerHistory(program: Command, ctx: CliContext): void {
  const history = program
    .command('history')
    .description(
      'keep results in a SQLite history and draw trends over commits (compare --baseline history:<branch>)',
    );
  history
    .command('add')
    .description('add a results file (bench, run or ab) to the history as one run')
    .argument('<results>', 'results.json to add')
    .option('--db <file>', 'the history database (created if missing)', 'perf.sqlite')
    .option('--commit <sha>', 'the commit measured (default: the one in the results file, else $GITHUB_SHA)')
    .option('--branch <name>', 'the branch measured (default: $GITHUB_HEAD_REF, $GITHUB_REF_NAME, else git)')
    .option(
      '--side <side>',
      'for an `ab` results file: which side to add, baseline or candidate',
      'candidate',
    )
    .action(async (results: string, flags: HistoryAddFlags) => {
      const { parseHistoryAdd, runHistoryAdd } = await import('../history.ts');
      await runHistoryAdd(parseHistoryAdd(results, flags, ctx), ctx);
    });
  history
    .command('show')
    .description(
      'each metric over commits, one line per branch and machine: a table, or --out trend.png|trend.html',
    )
    .option('--db <file>', 'the history database', 'perf.sqlite')
    .option(
      '-m, --metric <names>',
      'metrics, repeatable or comma-separated (default p50,p99,throughput)',
      collect,
    )
    .option('--branch <name>', 'only this branch')
    .option('--last <n>', 'only the last N runs')
    .option('--out <file>', 'draw the trend: trend.png (charts stacked) or trend.html (interactive)')
    .action(async (flags: HistoryShowFlags) => {
      const { parseHistoryShow, runHistoryShow } = await import('../history.ts');
      await runHistoryShow(parseHistoryShow(flags, ctx), ctx);
    });
}
