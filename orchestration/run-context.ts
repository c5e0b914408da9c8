/**
 * What running an experiment may touch of the outside world: where its lines go, its environment and
 * folder, and the signal standing in for Ctrl-C. The CLI passes its context (cli/context.ts extends
 * this); tests pass their own with captured output.
 */

export interface RunContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** true when stdout is a terminal: live progress lines instead of periodic plain ones */
  isTTY: boolean;
  /** aborted on the first SIGINT/SIGTERM: long work stops, writes partial results, returns */
  signal: AbortSignal;
}

/** Resolves once the command is interrupted (Ctrl-C): the foreground commands that serve until then. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
