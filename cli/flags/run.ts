/** `scalebench run`: its flags only; the command's code (cli/run.ts) is imported when it runs. */
import type { Command } from 'commander';
import { reportFormats } from '../../reports/reporter.ts';
import { DEFAULT_REPLICA_DELAY_MS } from '../../scenarios/experiments/database.ts';
import { DEFAULT_SERVER_CPUS } from '../../targets/sizing/server-size.ts';
import type { CliContext } from '../context.ts';
import { collect } from '../parse.ts';
import type { RunFlags } from '../run.ts';
import { addDashboardOptions } from './dashboard.ts';
import { addRemoteWriteOptions } from './remote-write.ts';

/** how long and how often: the profile and the trials per variant */
function addProfileOptions(command: Command): Command {
  return command
    .option(
      '--quick',
      'the short profile: 1 trial of 4 s per variant, capacity of the clones at 1, 2 and 4 (3-4 minutes on 2 cores)',
    )
    .option(
      '--profile <name>',
      'quick; default: 3 trials of 6 s per variant, capacity of the headline variants; full: 5 trials of 30 s, capacity of every variant; workshop: the quick variants at 26 s each, the kill 8 s into the measured part and undone at 14 s, a projector-sized dashboard',
    )
    .option('--demo', 'the workshop profile (--profile workshop)')
    .option(
      '--trials <n>',
      'repeated trials per variant, for confidence intervals (default 3; 1 with --quick, 5 with --profile full)',
    );
}

/** where the output goes, the config the experiments come from, and which variants run */
function addSuiteFileOptions(command: Command): Command {
  return command
    .option(
      '-o, --out <dir>',
      'output directory for results.json, the reports and events.ndjson (default scalebench-results); also prometheus=URL to push metrics by remote write (repeatable)',
      collect,
    )
    .option(
      '-c, --config <file>',
      'a scalebench.config.ts with your own experiments (default ./scalebench.config.ts)',
    )
    .option('--variant <name>', 'run only this variant (repeatable)', collect);
}

/** the capacity search and the rate every variant is compared at */
function addComparisonRateOptions(command: Command): Command {
  return command
    .option(
      '--find-capacity',
      'also search the highest sustainable rate per variant where the experiment defines an SLO',
    )
    .option(
      '--no-find-capacity',
      "search no capacity at all: every variant is compared at the experiment's declared rate (or --rate), marked as such — a smoke test of a stack, not a comparison",
    )
    .option(
      '--rate <n>',
      'compare every variant at this fixed rate (iterations/s) instead of one derived from the capacities measured; the report warns where it overloads a variant',
    )
    .option(
      '--rate-fraction <f>',
      'the share of the smallest capacity a compared variant has (after its fault) that every variant is compared at, from 0 to 1 (default 0.7)',
    );
}

/** how the targets run: where, at what size, the replica's delay */
function addTargetOptions(command: Command): Command {
  return command
    .option('--stack <stack>', 'where targets run: local processes or docker compose', 'local')
    .option(
      '--server-size <size>',
      `each server process's size: CPUs from 0.05 (a cgroup CPU quota where this user may set one, else scalebench's own CPU governor and limiter), 'workers=N' (a worker pool: concurrency only) or 'none' (default: the experiment's own, else ${DEFAULT_SERVER_CPUS} CPU)`,
    )
    .option(
      '--replica-delay <duration>',
      `database experiment: how long the read replica waits after each commit before applying it, as a replica on another machine does (default ${DEFAULT_REPLICA_DELAY_MS}ms; 0ms: a replica with no hop)`,
    );
}

export function registerRun(program: Command, ctx: CliContext): void {
  const command = program
    .command('run')
    .description('run the experiment suite (clones, caching, async, database) and write the report')
    .argument('[experiments...]', 'experiments to run (default: all)');
  addProfileOptions(command);
  addSuiteFileOptions(command);
  addComparisonRateOptions(command);
  command.option(
    '-f, --format <list>',
    `report formats: ${reportFormats.join(', ')} or all`,
    'json,md,html,png,junit,bmf,gab',
  );
  addTargetOptions(command)
    .option(
      '--max-body <bytes>',
      'the most body bytes a flow keeps of one response for its checks and captures (default 4 MiB); bodies nobody reads are never kept',
    )
    .option('-q, --quiet', 'no progress output');
  addRemoteWriteOptions(command);
  addDashboardOptions(command).action(async (experiments: string[], flags: RunFlags) => {
    const { parseRunOptions, runRun } = await import('../run.ts');
    await runRun(parseRunOptions(experiments, flags, ctx), ctx);
  });
}
