/**
 * Child processes of the benchmarks: a TypeScript module run through tsx, or any command. Each
 * registers its stop with the cleanup stack, so a failed or interrupted benchmark leaves nothing
 * running. A TS child announces readiness with a JSON line containing `ready: true`; every later JSON
 * line is kept (the freeze server's log).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { onCleanup } from '../../../core/cleanup.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface RunningChild {
  readonly child: ChildProcess;
  readonly pid: number;
  /** the ready line */
  readonly ready: Record<string, unknown>;
  /** JSON lines printed after the ready line */
  readonly lines: Record<string, unknown>[];
  stop(): Promise<void>;
}

/** Node with tsx, for a module of this folder or a path relative to the repository root. */
export function tsNodeArgs(modulePath: string, args: readonly string[] = []): string[] {
  return ['--import', 'tsx', modulePath, ...args];
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  if (!(await waitForExit(child, 3000))) {
    child.kill('SIGKILL');
    await waitForExit(child, 2000);
  }
}

/** Spawns a long-running child and resolves once it printed its ready line. */
export function startChild(name: string, command: string, args: readonly string[]): Promise<RunningChild> {
  const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = onCleanup(name, () => stopChild(child));
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  return new Promise((resolve, reject) => {
    let ready: Record<string, unknown> | undefined;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const parsed = JSON.parse(line) as Record<string, unknown>;
      if (ready) lines.push(parsed);
      else if (parsed['ready'] === true) {
        ready = parsed;
        resolve({ child, pid: child.pid!, ready, lines, stop });
      }
    });
    child.once('exit', (code) => {
      if (!ready) reject(new Error(`${name} exited (${code}) before it was ready: ${stderr.trim()}`));
    });
    child.once('error', reject);
  });
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion (bounded by its own duration flags, and by `limitMs`). */
export function runToEnd(name: string, command: string, args: readonly string[], limitMs = 120_000) {
  const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = onCleanup(name, () => stopChild(child, 'SIGKILL'));
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), limitMs);
  const done = new Promise<Finished>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(killer);
      void stop();
      resolve({ code, stdout, stderr });
    });
  });
  return { child, done };
}
