/** `scalebench targets`: its flags only; the command's code (cli/targets.ts) is imported when it runs. */
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { collect } from '../parse.ts';
import type { StartFlags } from '../targets.ts';

export function registerTargets(program: Command, ctx: CliContext): void {
  const targets = program.command('targets').description('list and start the reference targets');
  targets
    .command('list')
    .description(
      'the experiments, their variant knobs (first value = default) and the balancer that would run',
    )
    .option('--json', 'print the list as JSON')
    .action(async (flags: { json?: boolean }) => {
      const { listTargets } = await import('../targets.ts');
      await listTargets(ctx, Boolean(flags.json));
    });
  targets
    .command('start')
    .description('start a target, print `ready <url>` once it answers, run until Ctrl-C, then stop it')
    .argument('<experiment>', 'one of clones, caching, async, database (see `targets list`)')
    .option('--variant <key=value>', 'a variant knob, repeatable (see `targets list`)', collect)
    .option('--clones <n>', 'number of app clones (clones: default 2; caching: default 1)')
    .option('--workers <n>', 'number of queue workers (async, work=queued)')
    .option(
      '--server-size <size>',
      "each server process's size: CPUs (e.g. 0.25), 'workers=N' or 'none' (default)",
    )
    .option(
      '--log-dir <dir>',
      'folder for the processes’ log files (default: a new folder under the temp dir)',
    )
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  scalebench targets start clones --variant session=memory --variant affinity=sticky --clones 3',
        '  scalebench targets start caching --variant cache=object',
        'Balancer: haproxy if installed, else nginx, else built-in; force one with --variant balancer=nginx',
        'or SCALEBENCH_BALANCER=nginx.',
      ].join('\n'),
    )
    .action(async (experiment: string, flags: StartFlags) => {
      const { parseTargetsStart, startTarget } = await import('../targets.ts');
      await startTarget(parseTargetsStart(experiment, flags, ctx.cwd), ctx);
    });
}
