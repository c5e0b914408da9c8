/** `scalebench ab`: its flags only; the command's code (cli/ab.ts) is imported when it runs. */
import type { Command } from 'commander';
import { defaultMetrics } from '../../reports/compare/metrics.ts';
import type { AbFlags } from '../ab.ts';
import type { CliContext } from '../context.ts';
import { collect } from '../parse.ts';
import { addLoadOptions } from './bench.ts';

export function registerAb(program: Command, ctx: CliContext): void {
  const command = program
    .command('ab')
    .description(
      'race a baseline and a candidate in one job, trials interleaved, then the compare verdict (exit 0 pass, 1 regression, 2 bad input, 3 inconclusive)',
    )
    .argument('<baseline-url>', 'the baseline service, e.g. http://127.0.0.1:3001/')
    .argument('<candidate-url>', 'the candidate service, e.g. http://127.0.0.1:3002/');
  addLoadOptions(command, { duration: '10s', warmup: '2s' })
    .option('--trials <n>', 'trials per side', '5')
    .option('--pause <time>', 'pause between trials', '0s')
    .option('--order <order>', 'alternate (A B A B …) or random (balanced, seeded)', 'alternate')
    .option('--seed <n>', 'seed of --order random (recorded in the results)', '1')
    .option('--baseline-cmd <command>', 'shell command that starts the baseline server (stopped after)')
    .option('--candidate-cmd <command>', 'shell command that starts the candidate server (stopped after)')
    .option('--ready-timeout <time>', 'how long a started server may take to answer its URL', '30s')
    .option('--json <file>', 'write both sides’ trials, in the order they ran')
    .option('-t, --threshold <percent>', 'smallest change that matters', '10%')
    .option(
      '-m, --metric <names>',
      `metrics to gate on, repeatable or comma-separated (default ${defaultMetrics.join(',')})`,
      collect,
    )
    .option('-f, --format <format>', 'table, md or json', 'table')
    .option('--markdown <file>', 'also write the Markdown verdict to FILE (e.g. a PR comment)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  scalebench ab http://127.0.0.1:3001/ http://127.0.0.1:3002/ --trials 5 --rate 200',
        "  scalebench ab http://127.0.0.1:3001/ http://127.0.0.1:3002/ --baseline-cmd 'PORT=3001 node base/server.js' \\",
        "      --candidate-cmd 'PORT=3002 node pr/server.js' --trials 5 --json ab.json",
      ].join('\n'),
    )
    .action(async (baseline: string, candidate: string, flags: AbFlags) => {
      const { parseAbOptions, runAb } = await import('../ab.ts');
      await runAb(parseAbOptions(baseline, candidate, flags, ctx), ctx);
    });
}
