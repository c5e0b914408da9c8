/** `scalebench run`: its flags only; the command's code (cli/run.ts) is imported when it runs. */
import type { Command } from 'commander';
import { reportFormats } from '../../reports/reporter.ts';
import { DEFAULT_SERVER_CPUS } from '../../targets/sizing/server-size.ts';
import type { CliContext } from '../context.ts';
import { collect } from '../parse.ts';
import type { RunFlags } from '../run.ts';
import { addRemoteWriteOptions } from './remote-write.ts';

export function registerRun(program: Command, ctx: CliContext): void {
  const command = program
    .command('run')
    .description('run the experiment suite (clones, caching, async, database) and write the report')
    .argument('[experiments...]', 'experiments to run (default: all)')
    .option('--quick', 'the short workshop profile: the whole suite in about 3 minutes on 2 cores, 1 trial')
    .option(
      '--trials <n>',
      'repeated trials per variant, for confidence intervals (default 5, 1 with --quick)',
    )
    .option(
      '-o, --out <dir>',
      'output directory for results.json, the reports and events.ndjson (default scalebench-results); also prometheus=URL to push metrics by remote write (repeatable)',
      collect,
    )
    .option(
      '-c, --config <file>',
      'a scalebench.config.ts with your own experiments (default ./scalebench.config.ts)',
    )
    .option('--variant <name>', 'run only this variant (repeatable)', collect)
    .option(
      '--find-capacity',
      'also search the highest sustainable rate per variant where the experiment defines an SLO',
    )
    .option(
      '-f, --format <list>',
      `report formats: ${reportFormats.join(', ')} or all`,
      'json,md,html,png,junit,bmf,gab',
    )
    .option('--stack <stack>', 'where targets run: local processes or docker compose', 'local')
    .option(
      '--server-size <size>',
      `each server process's size: CPUs (a cgroup CPU quota where the host allows it, else a worker pool), 'workers=N' or 'none' (default: the experiment's own, else ${DEFAULT_SERVER_CPUS} CPU)`,
    )
    .option(
      '--max-body <bytes>',
      'the most body bytes a flow keeps of one response for its checks and captures (default 4 MiB); bodies nobody reads are never kept',
    )
    .option('-q, --quiet', 'no progress output');
  addRemoteWriteOptions(command)
    .option('--dashboard [port]', 'a live web dashboard on 127.0.0.1 (default: a free port)')
    .option('--open', 'with --dashboard: open it in the browser')
    .option(
      '--dashboard-linger <time>',
      'with --dashboard: how long the page stays up after the run (default: until Ctrl-C; 0: exit at once)',
    )
    .action(async (experiments: string[], flags: RunFlags) => {
      const { parseRunOptions, runRun } = await import('../run.ts');
      await runRun(parseRunOptions(experiments, flags, ctx), ctx);
    });
}
