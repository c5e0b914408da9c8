/**
 * Test helpers to run the scalebench CLI: in-process with captured output, its own environment and
 * an AbortController standing in for Ctrl-C (fast, most tests); or as the real `node bin/scalebench.js`
 * process (a few end-to-end tests: signals, exit codes, stack traces).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CliContext } from '../../cli/context.ts';
import { runCli } from '../../cli/main.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface InProcessOptions {
  /** the whole environment the command sees (defaults to a copy of process.env) */
  env?: Record<string, string | undefined>;
  /** extra variables layered over `env` */
  extraEnv?: Record<string, string | undefined>;
  cwd?: string;
  isTTY?: boolean;
  /** abort it to simulate Ctrl-C */
  controller?: AbortController;
  /** called with each chunk written to stdout, e.g. to abort once a ready line appears */
  onStdout?: (chunk: string, stdoutSoFar: string) => void;
}

/** Runs `scalebench <args>` in this process. `args` excludes the program name. */
export async function runCliInProcess(args: string[], options: InProcessOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const controller = options.controller ?? new AbortController();
  const ctx: CliContext = {
    stdout: (text) => {
      stdout += text;
      options.onStdout?.(text, stdout);
    },
    stderr: (text) => {
      stderr += text;
    },
    env: { ...(options.env ?? process.env), ...options.extraEnv },
    cwd: options.cwd ?? process.cwd(),
    isTTY: options.isTTY ?? false,
    signal: controller.signal,
    verbose: false,
    exitCode: 0,
  };
  const code = await runCli(['node', 'scalebench', ...args], ctx);
  return { code, stdout, stderr };
}

export const binPath = fileURLToPath(new URL('../../bin/scalebench.js', import.meta.url));

export interface SpawnedCli {
  child: ChildProcess;
  /** resolves with the stdout so far once `pattern` matches it; rejects if the process exits first */
  waitForStdout(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** resolves when the process exits */
  result: Promise<CliResult>;
}

/** Spawns the real `node bin/scalebench.js <args>`. Always await `result` (or kill the child) in the test. */
export function spawnCli(
  args: string[],
  options: { env?: Record<string, string | undefined>; cwd?: string } = {},
): SpawnedCli {
  const child = spawn(process.execPath, [binPath, ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const watchers = new Set<() => void>();
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const watch of watchers) watch();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const result = new Promise<CliResult>((resolve) => {
    child.on('close', (code, signal) => {
      for (const watch of watchers) watch();
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
  const waitForStdout = (pattern: RegExp, timeoutMs = 20_000) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        watchers.delete(check);
        reject(new Error(`timed out waiting for ${pattern}; stdout: ${stdout}; stderr: ${stderr}`));
      }, timeoutMs);
      const check = () => {
        if (pattern.test(stdout)) {
          clearTimeout(timer);
          watchers.delete(check);
          resolve(stdout);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          clearTimeout(timer);
          watchers.delete(check);
          reject(new Error(`process exited before ${pattern}; stdout: ${stdout}; stderr: ${stderr}`));
        }
      };
      watchers.add(check);
      check();
    });
  return { child, waitForStdout, result };
}
