/**
 * The one launcher of the processes scalebench owns (a target clone, a worker, a balancer, a Redis
 * server, an A/B side's server): spawns it as the leader of its own process group (so a terminal Ctrl-C
 * reaches scalebench only, which then stops its children in order), guards it so it dies with
 * scalebench however scalebench ends, registers its stop with the cleanup stack and polls its readiness
 * probe. Where its output goes and how a failure is worded are its callers' (process/spawn.ts: a log
 * file; managed-process.ts: the last 8 KB kept for the message).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { onCleanup } from '../../core/cleanup.ts';
import { guardChild } from './child-guard.ts';

export interface LaunchOptions {
  /** names the process's stop in the cleanup stack: `stop <name>` */
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string | undefined;
  /** where stdout and stderr go: a file descriptor (a log file), or pipes the caller reads */
  output: number | 'pipe';
  /**
   * what stop signals: the leader alone, its whole process group, or the group and then, once the
   * leader has exited, SIGKILL to what is left of the group (nginx's workers may outlive their master)
   */
  stopSignals: 'leader' | 'group' | 'group-then-rest';
  /** grace between SIGTERM and SIGKILL on stop */
  stopGraceMs: number;
}

/** why a launched process never became ready */
export type NotReady =
  | { kind: 'spawn-error'; error: Error }
  | { kind: 'exited'; status: number | NodeJS.Signals }
  | { kind: 'timeout'; timeoutMs: number };

export interface Launched {
  child: ChildProcess;
  /** the process id, -1 when it could not be spawned */
  pid: number;
  alive(): boolean;
  /** resolves when the process has exited and its output closed (or it could not be spawned) */
  exited: Promise<void>;
  /** sends a signal to the process group and waits for the process to exit */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** SIGTERM, then SIGKILL after the grace period; idempotent; unregisters the cleanup */
  stop(): Promise<void>;
  /** polls `ready` every 50 ms: undefined once it resolves true, or why it never did within timeoutMs */
  waitUntilReady(ready: () => Promise<boolean>, timeoutMs: number): Promise<NotReady | undefined>;
}

export function launch(options: LaunchOptions): Launched {
  const child = spawn(options.command, options.args, {
    env: options.env,
    cwd: options.cwd,
    stdio: ['ignore', options.output, options.output],
    detached: true,
  });
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });
  const exited = new Promise<void>((resolve) => {
    if (child.pid === undefined) child.once('error', () => resolve());
    child.once('close', () => resolve());
  });
  const pid = child.pid ?? -1;
  // its whole group dies with scalebench, however scalebench ends (nginx's workers included)
  void exited.then(guardChild(pid, { group: true }));

  const alive = () =>
    child.pid !== undefined &&
    child.exitCode === null &&
    child.signalCode === null &&
    spawnError === undefined;
  const group = options.stopSignals !== 'leader';
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (!alive()) return;
    signalGroup(child, signal);
    await exited;
  };
  const stop = onCleanup(`stop ${options.name}`, async () => {
    if (!alive()) return;
    const signal = (name: NodeJS.Signals) => (group ? signalGroup(child, name) : signalLeader(child, name));
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), options.stopGraceMs);
    await exited;
    clearTimeout(timer);
    if (options.stopSignals === 'group-then-rest') signalGroup(child, 'SIGKILL');
  });
  const waitUntilReady = async (ready: () => Promise<boolean>, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (spawnError) return { kind: 'spawn-error', error: spawnError } as const;
      if (child.exitCode !== null || child.signalCode !== null)
        return { kind: 'exited', status: (child.exitCode ?? child.signalCode)! } as const;
      if (child.pid !== undefined && (await ready().catch(() => false))) return undefined;
      await sleep(50);
    }
    return { kind: 'timeout', timeoutMs } as const;
  };
  return { child, pid, alive, exited, kill, stop, waitUntilReady };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}

function signalLeader(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    child.kill(signal);
  } catch {
    // already gone
  }
}
