/**
 * Starts a long-running child process that scalebench owns (a Redis server, an A/B side's server)
 * through the one launcher (launcher.ts), keeping the last of its output for the message when it does
 * not become ready.
 */
import type { ChildProcess } from 'node:child_process';
import { ScalebenchError } from '../../core/errors.ts';
import { guardChild } from './child-guard.ts';
import { launch, type NotReady } from './launcher.ts';

export interface ManagedProcessOptions {
  /** short name used in messages, e.g. 'redis-server' */
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** resolves true once the process serves; polled until readyTimeoutMs */
  ready: () => Promise<boolean>;
  readyTimeoutMs?: number;
  /** the remedy printed when it cannot start */
  hint: string;
  /** grace period between SIGTERM and SIGKILL on stop */
  stopTimeoutMs?: number;
  /** stop signals its whole process group (a shell command and what it started), not the pid alone */
  stopGroup?: boolean;
}

export interface ManagedProcess {
  pid: number;
  /** stops the process (SIGTERM, then SIGKILL after the grace period); idempotent */
  stop(): Promise<void>;
  /** stdout and stderr so far (the last 8 KB), for error messages */
  output(): string;
}

export async function startManagedProcess(options: ManagedProcessOptions): Promise<ManagedProcess> {
  const launched = launch({
    name: options.name,
    command: options.command,
    args: options.args,
    env: options.env ?? process.env,
    cwd: options.cwd,
    output: 'pipe',
    stopSignals: options.stopGroup ? 'group' : 'leader',
    stopGraceMs: options.stopTimeoutMs ?? 5000,
  });
  const output = captureOutput(launched.child);
  const { stop } = launched;
  const notReady = await launched.waitUntilReady(options.ready, options.readyTimeoutMs ?? 15_000);
  if (notReady !== undefined) {
    await stop();
    const failure = describe(notReady);
    const last = lastLine(output());
    const detail = last ? `${failure} (${last.trim()})` : failure;
    throw new ScalebenchError('SB_ERR_SERVICE_UNAVAILABLE', `could not start ${options.name}: ${detail}`, {
      hint: options.hint,
    });
  }
  return { pid: launched.pid, stop, output };
}

function describe(notReady: NotReady): string {
  switch (notReady.kind) {
    case 'spawn-error':
      return notReady.error.message;
    case 'exited':
      return `it exited with ${notReady.status}`;
    case 'timeout':
      return `not ready after ${notReady.timeoutMs} ms`;
  }
}

function lastLine(text: string): string | undefined {
  return text
    .trim()
    .split('\n')
    .filter((line) => line.trim() !== '')
    .at(-1);
}

/** Keeps the last 8 KB of a child's stdout and stderr (spawned with pipes) for error messages. */
export function captureOutput(child: ChildProcess): () => string {
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-8192);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return () => output;
}

/**
 * For a child started elsewhere (e.g. by a library): signal it if scalebench ends while it still runs,
 * however scalebench ends. Returns a function that forgets it (call it once the child was stopped).
 */
export function killOnExit(child: ChildProcess, signal: NodeJS.Signals): () => void {
  const forget = guardChild(child.pid ?? -1, { group: false, signal });
  child.once('exit', forget);
  return forget;
}
