/** `scalebench merge`: its flags only; the command's code (cli/merge.ts) is imported when it runs. */
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

export function registerMerge(program: Command, ctx: CliContext): void {
  program
    .command('merge')
    .description('combine the results of a sharded bench (--shard i/N): exact histograms, summed counters')
    .argument('<results...>', 'the shard files written by `scalebench bench --shard i/N --json FILE`')
    .option('--json <file>', 'write the merged results file')
    .option('--format <kind>', 'print the merged summary as a table or the merged results as json', 'table')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  scalebench bench http://10.0.0.5:8080/ --rate 4000 --shard 0/2 --json shard-0.json   # machine A',
        '  scalebench bench http://10.0.0.5:8080/ --rate 4000 --shard 1/2 --json shard-1.json   # machine B',
        '  scalebench merge shard-*.json --json merged.json',
      ].join('\n'),
    )
    .action(async (inputs: string[], flags: { json?: string; format: string }) => {
      const { parseMergeOptions, runMerge } = await import('../merge.ts');
      ctx.exitCode = await runMerge(parseMergeOptions(inputs, flags, ctx.cwd), ctx);
    });
}
