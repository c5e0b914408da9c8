/**
 * Starts a long-running child process that scalebench owns (a Redis server, a target clone, a balancer):
 * waits until a readiness probe passes, registers its stop with the cleanup stack, and kills it on process
 * exit as a last resort. Children run in their own process group so a terminal Ctrl-C reaches scalebench
 * only, which then stops them in order.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { onCleanup } from '../../core/cleanup.ts';
import { ScalebenchError } from '../../core/errors.ts';
import { guardChild } from './child-guard.ts';

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
  const child = spawn(options.command, options.args, {
    env: options.env ?? process.env,
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output = captureOutput(child);
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });
  void exited.then(guardChild(child.pid ?? -1, { group: true }));
  const stop = onCleanup(`stop ${options.name}`, () =>
    stopChild(child, exited, options.stopTimeoutMs ?? 5000, options.stopGroup ?? false),
  );

  const failure = await waitUntilReady(options, child, () => spawnError);
  if (failure !== undefined) {
    await stop();
    const last = lastLine(output());
    const detail = last ? `${failure} (${last.trim()})` : failure;
    throw new ScalebenchError('SB_ERR_SERVICE_UNAVAILABLE', `could not start ${options.name}: ${detail}`, {
      hint: options.hint,
    });
  }
  return { pid: child.pid!, stop, output };
}

/** resolves undefined when ready, or a reason why it never became ready */
async function waitUntilReady(
  options: ManagedProcessOptions,
  child: ChildProcess,
  spawnError: () => Error | undefined,
): Promise<string | undefined> {
  const deadline = Date.now() + (options.readyTimeoutMs ?? 15_000);
  while (Date.now() < deadline) {
    const error = spawnError();
    if (error) return error.message;
    if (child.exitCode !== null || child.signalCode !== null) {
      return `it exited with ${child.exitCode ?? child.signalCode}`;
    }
    if (child.pid !== undefined && (await options.ready().catch(() => false))) return undefined;
    await sleep(50);
  }
  return `not ready after ${options.readyTimeoutMs ?? 15_000} ms`;
}

async function stopChild(child: ChildProcess, exited: Promise<void>, graceMs: number, group: boolean) {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const pid = child.pid;
  const signal = (name: NodeJS.Signals) => {
    try {
      if (group) process.kill(-pid, name);
      else child.kill(name);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
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
