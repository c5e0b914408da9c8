/**
 * `ab --baseline-cmd/--candidate-cmd`: starts one side's server from a shell command, in its own process
 * group under the child guard (it dies with scalebench however scalebench ends), waits until its URL
 * answers HTTP, and stops the whole group after. A command that exits, or never answers, fails in one
 * line (exit 2) with the last line of its output.
 */
import { request } from 'node:http';
import { type ManagedProcess, startManagedProcess } from '../../targets/lifecycle/managed-process.ts';

/** true once `url` answers anything over HTTP (any status: a 404 still means the server is up) */
export function answersHttp(url: string, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(true);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(false));
    req.end();
  });
}

export interface SideServerOptions {
  /** 'baseline' or 'candidate', for messages */
  side: string;
  command: string;
  url: string;
  readyTimeoutMs: number;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export function startSideServer(options: SideServerOptions): Promise<ManagedProcess> {
  return startManagedProcess({
    name: `the ${options.side} server (${options.command})`,
    command: 'sh',
    args: ['-c', options.command],
    cwd: options.cwd,
    env: options.env,
    ready: () => answersHttp(options.url),
    readyTimeoutMs: options.readyTimeoutMs,
    stopGroup: true,
    hint: `--${options.side}-cmd must start a server that answers at ${options.url} within --ready-timeout`,
  });
}
