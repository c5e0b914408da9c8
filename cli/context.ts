/**
 * What a command may touch of the outside world. Injected so commands run in-process in tests
 * with captured output, their own environment and an abort signal standing in for Ctrl-C.
 */
import type { RunContext } from '../orchestration/run-context.ts';

export interface CliContext extends RunContext {
  verbose: boolean;
  /** set by a command's action; 0 when it leaves it alone */
  exitCode: number;
}

export function processContext(signal: AbortSignal): CliContext {
  return {
    stdout: stdoutWriter(),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    signal,
    verbose: false,
    exitCode: 0,
  };
}

/**
 * Writes to process.stdout. Once the reader has gone (EPIPE: `scalebench targets list | head -1`), the
 * rest of the output has nowhere to go and is dropped; the command still finishes and cleans up.
 */
function stdoutWriter(): (text: string) => void {
  let readerGone = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    readerGone = true;
  });
  return (text) => {
    if (!readerGone) process.stdout.write(text);
  };
}
