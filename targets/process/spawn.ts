/**
 * Starts a process that scalebench owns (a target clone, a worker, a balancer) with its stdout and
 * stderr appended to a log file, waits until its readiness probe passes, and registers its stop with
 * the cleanup stack. Each child leads its own process group (so a terminal Ctrl-C reaches scalebench
 * only, and nginx's workers die with their master); signals go to the whole group.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { onCleanup } from '../../core/cleanup.ts';
import { ScalebenchError } from '../../core/errors.ts';
import { guardChild } from '../lifecycle/child-guard.ts';
import { closeLogFd, openLogFile, tailLog } from './log-file.ts';

export interface SpawnLoggedOptions {
  /** names the process in messages and its log file: `<logDir>/<name>.log` */
  name: string;
  command: string;
  args: string[];
  env: Record<string, string | undefined>;
  cwd?: string;
  logDir: string;
  /** resolves true once the process serves; polled every 50 ms until readyTimeoutMs */
  ready: () => Promise<boolean>;
  readyTimeoutMs?: number;
  /** grace between SIGTERM and SIGKILL on stop; default 5000 ms */
  stopGraceMs?: number;
  /** the remedy printed when it cannot start */
  hint?: string;
}

export interface LoggedProcess {
  name: string;
  pid: number;
  logFile: string;
  alive(): boolean;
  /** resolves when the process has exited (by itself or by a signal) */
  exited: Promise<void>;
  /** sends a signal to the process group and waits for the process to exit */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** SIGTERM, then SIGKILL after the grace period; idempotent; unregisters the cleanup */
  stop(): Promise<void>;
}

export async function spawnLogged(options: SpawnLoggedOptions): Promise<LoggedProcess> {
  const log = openLogFile(options.logDir, options.name);
  const child = spawn(options.command, options.args, {
    env: options.env,
    cwd: options.cwd,
    stdio: ['ignore', log.fd, log.fd],
    detached: true,
  });
  closeLogFd(log.fd);
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });
  const exited = new Promise<void>((resolve) => {
    if (child.pid === undefined) child.once('error', () => resolve());
    child.once('exit', () => resolve());
  });
  const pid = child.pid ?? -1;
  // its whole group dies with scalebench, however scalebench ends (nginx's workers included)
  void exited.then(guardChild(pid, { group: true }));

  const alive = () => child.exitCode === null && child.signalCode === null && spawnError === undefined;
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (!alive()) return;
    signalGroup(child, signal);
    await exited;
  };
  const stop = onCleanup(`stop ${options.name}`, () => stopChild(child, alive, exited, options.stopGraceMs));
  const handle: LoggedProcess = { name: options.name, pid, logFile: log.path, alive, exited, kill, stop };

  const failure = await waitUntilReady(options, alive, () => spawnError, child);
  if (failure !== undefined) {
    await stop();
    throw await startError(options, log.path, failure);
  }
  return handle;
}

async function waitUntilReady(
  options: SpawnLoggedOptions,
  alive: () => boolean,
  spawnError: () => Error | undefined,
  child: ChildProcess,
): Promise<string | undefined> {
  const timeoutMs = options.readyTimeoutMs ?? 20_000;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const error = spawnError();
    if (error) return `it could not be spawned (${error.message})`;
    if (!alive()) return `it exited with ${child.exitCode ?? child.signalCode} before it was ready`;
    if (await options.ready().catch(() => false)) return undefined;
    await sleep(50);
  }
  return `it did not answer within ${timeoutMs} ms`;
}

async function startError(options: SpawnLoggedOptions, logFile: string, failure: string) {
  // stack frames and the Node.js version banner say nothing about why: keep the message lines
  const lines = (await tailLog(logFile, 30))
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\s+at |^Node\.js v/.test(line))
    .slice(-3);
  const last = lines.length > 0 ? `; last lines: ${lines.join(' | ')}` : '';
  return new ScalebenchError(
    'SB_ERR_TARGET_START',
    `could not start ${options.name}: ${failure} (log: ${logFile}${last})`,
    { hint: options.hint ?? `read ${logFile}` },
  );
}

async function stopChild(
  child: ChildProcess,
  alive: () => boolean,
  exited: Promise<void>,
  graceMs = 5000,
): Promise<void> {
  if (!alive()) return;
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  // children of the leader (nginx workers) may outlive it for a moment
  signalGroup(child, 'SIGKILL');
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}
