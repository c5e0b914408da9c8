/**
 * Parses `scalebench <args>` with the real commander program and runs nothing: every command's action is
 * replaced by one that does nothing, so only commander's own checks apply (unknown command or flag, a
 * missing argument or flag value, too many arguments).
 */
import type { Command } from 'commander';
import type { CliContext } from '../../cli/context.ts';
import { buildProgram } from '../../cli/main.ts';
import { bareDashboardFlag } from '../../cli/parse.ts';

export type ParseOutcome = { ok: true } | { ok: false; message: string };

export async function parseCliOnly(args: string[]): Promise<ParseOutcome> {
  let output = '';
  const ctx: CliContext = {
    stdout: (text) => {
      output += text;
    },
    stderr: (text) => {
      output += text;
    },
    env: {},
    cwd: process.cwd(),
    isTTY: false,
    signal: new AbortController().signal,
    verbose: false,
    exitCode: 0,
  };
  const program = buildProgram(ctx);
  doNothingOnAction(program);
  try {
    await program.parseAsync(bareDashboardFlag(['node', 'scalebench', ...args]));
    return { ok: true };
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message: output.trim() || message };
  }
}

/** Leaf commands get an action that does nothing; a command with subcommands keeps dispatching to them. */
function doNothingOnAction(command: Command): void {
  for (const sub of command.commands) {
    if (sub.commands.length === 0) sub.action(() => {});
    else doNothingOnAction(sub);
  }
}
