/**
 * Runs the `docker` CLI with a deadline and collects what it printed. Never throws for a failed
 * command: the caller turns the outcome into a ScalebenchError that says what the user can do.
 */
import { spawn } from 'node:child_process';

export interface DockerCliOptions {
  /** the docker executable (default `docker`, found on PATH) */
  command?: string;
  /** the whole environment of the command (default process.env); DOCKER_HOST etc. come from here */
  env?: Record<string, string | undefined>;
  cwd?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export type DockerCliOutcome =
  | { kind: 'done'; exitCode: number; stdout: string; stderr: string }
  | { kind: 'missing'; command: string }
  | { kind: 'timeout'; timeoutMs: number; stderr: string }
  | { kind: 'aborted' };

const maxOutput = 64 * 1024;

function append(buffer: string, chunk: Buffer): string {
  const next = buffer + chunk.toString('utf8');
  return next.length > maxOutput ? next.slice(-maxOutput) : next;
}

export function runDockerCli(args: string[], options: DockerCliOptions): Promise<DockerCliOutcome> {
  const command = options.command ?? 'docker';
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: options.signal,
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout = append(stdout, chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = append(stderr, chunk);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code === 'ENOENT') resolve({ kind: 'missing', command });
      else if (error.name === 'AbortError') resolve({ kind: 'aborted' });
      else resolve({ kind: 'done', exitCode: -1, stdout, stderr: stderr + error.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (options.signal?.aborted) resolve({ kind: 'aborted' });
      else if (timedOut) resolve({ kind: 'timeout', timeoutMs: options.timeoutMs, stderr });
      else resolve({ kind: 'done', exitCode: code ?? -1, stdout, stderr });
    });
  });
}

/** The last non-empty line a command printed: the one that usually says what went wrong. */
export function lastLine(text: string): string {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.at(-1) ?? '';
}
