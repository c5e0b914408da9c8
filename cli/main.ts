/**
 * The only place that prints errors and decides the exit code. Commands throw ScalebenchError;
 * anything else is a bug and says so. The first Ctrl-C aborts the running command (which writes
 * its partial results); cleanups always run before the process ends. A second signal exits at once:
 * the children still running are killed by the exit hook of lifecycle/child-guard.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { runAllCleanups } from '../core/cleanup.ts';
import { packageRoot } from '../core/entry-points.ts';
import { ExitCode, formatError, isScalebenchError } from '../core/errors.ts';
import { commands } from './commands.ts';
import { type CliContext, processContext } from './context.ts';
import { bareDashboardFlag } from './parse.ts';

const packageJson = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {
  version: string;
};

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('scalebench')
    .description('Load-test HTTP services and prove the "Scalability for dummies" patterns with numbers')
    .version(packageJson.version, '-V, --version')
    .option('--verbose', 'show stack traces and debug output')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  program.hook('preAction', (root) => {
    ctx.verbose = Boolean(root.opts().verbose);
  });
  for (const register of commands) register(program, ctx);
  configureSubcommands(program, ctx);
  return program;
}

/** commander does not pass exitOverride/output to subcommands declared later, at any depth */
function configureSubcommands(parent: Command, ctx: CliContext): void {
  for (const sub of parent.commands) {
    sub
      .exitOverride()
      .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr })
      .showHelpAfterError('(run with --help for usage)');
    configureSubcommands(sub, ctx);
  }
}

/** Runs the CLI in-process; returns the exit code. Tests call this with their own context. */
export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(bareDashboardFlag(argv));
    return ctx.exitCode;
  } catch (error: unknown) {
    return reportError(error, ctx);
  } finally {
    const failures = await runAllCleanups();
    for (const failure of failures) ctx.stderr(`warning: cleanup failed: ${failure}\n`);
  }
}

function reportError(error: unknown, ctx: CliContext): number {
  if (error instanceof CommanderError) {
    // help and version exit through here with code 0; commander already printed its message
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.badInput;
  }
  if (isScalebenchError(error)) {
    ctx.stderr(`${formatError(error)}\n`);
    if (ctx.verbose && error.stack) ctx.stderr(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.stderr(
    `error: internal error: ${message} (SB_ERR_INTERNAL) — hint: rerun with --verbose and report it\n`,
  );
  if (ctx.verbose && error instanceof Error && error.stack) ctx.stderr(`${error.stack}\n`);
  return ExitCode.internal;
}

/** Entry for the real process: wires signals to the abort controller and the cleanups. */
export async function main(argv: string[]): Promise<number> {
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupts += 1;
    if (interrupts === 1) {
      process.stderr.write(`\n${signal}: stopping, writing partial results (press Ctrl-C again to force)\n`);
      controller.abort(new Error(signal));
      return;
    }
    // forced: no more waiting on graceful stops; the exit hook kills every child still running
    process.stderr.write(`${signal}: forced stop\n`);
    process.exit(ExitCode.interrupted);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  for (const signal of signals) process.on(signal, onSignal);
  const stopWatching = watchLauncher(process.env, () => onSignal('SIGTERM'));
  const ctx = processContext(controller.signal);
  const code = await runCli(argv, ctx);
  for (const signal of signals) process.off(signal, onSignal);
  stopWatching();
  return code;
}

/**
 * npm (`npx scalebench`, `npm run`) does not forward SIGINT or SIGTERM to the command it runs, and when
 * npm itself is killed its command lives on with no parent. So when npm launched us and our parent goes,
 * stop as if signalled. Started any other way (a shell, nohup, setsid), a parent's exit changes nothing.
 */
function watchLauncher(env: NodeJS.ProcessEnv, onOrphaned: () => void): () => void {
  if (!env.npm_command) return () => {};
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onOrphaned();
  }, 500);
  timer.unref();
  return () => clearInterval(timer);
}
