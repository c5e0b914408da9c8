/**
 * Starts a process that scalebench owns (a target clone, a worker, a balancer) through the one launcher
 * (lifecycle/launcher.ts) with its stdout and stderr appended to a log file, and waits until its
 * readiness probe passes. Signals go to the child's whole process group (nginx's workers die with their
 * master).
 */
import { ScalebenchError } from '../../core/errors.ts';
import { type Launched, launch, type NotReady } from '../lifecycle/launcher.ts';
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

/** the launched process (its pid, alive, exited, kill, stop), named, with its log file */
export interface LoggedProcess extends Pick<Launched, 'pid' | 'alive' | 'exited' | 'kill' | 'stop'> {
  name: string;
  logFile: string;
}

export async function spawnLogged(options: SpawnLoggedOptions): Promise<LoggedProcess> {
  const log = openLogFile(options.logDir, options.name);
  const launched = launch({
    name: options.name,
    command: options.command,
    args: options.args,
    env: options.env,
    cwd: options.cwd,
    output: log.fd,
    stopSignals: 'group-then-rest',
    stopGraceMs: options.stopGraceMs ?? 5000,
  });
  closeLogFd(log.fd);
  const { pid, alive, exited, kill, stop } = launched;
  const handle: LoggedProcess = { name: options.name, pid, logFile: log.path, alive, exited, kill, stop };

  const notReady = await launched.waitUntilReady(options.ready, options.readyTimeoutMs ?? 20_000);
  if (notReady !== undefined) {
    await stop();
    throw await startError(options, log.path, describe(notReady));
  }
  return handle;
}

function describe(notReady: NotReady): string {
  switch (notReady.kind) {
    case 'spawn-error':
      return `it could not be spawned (${notReady.error.message})`;
    case 'exited':
      return `it exited with ${notReady.status} before it was ready`;
    case 'timeout':
      return `it did not answer within ${notReady.timeoutMs} ms`;
  }
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
