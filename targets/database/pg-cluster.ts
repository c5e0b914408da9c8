/**
 * One PostgreSQL cluster that scalebench owns: made by initdb (a primary) or pg_basebackup (a streaming
 * replica), its postmaster started on a given port and stopped with a fast shutdown. Its stop is on the
 * cleanup stack, and an exit hook sends an immediate shutdown if the process ends before the cleanups run.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import { onCleanup } from '../../core/cleanup.ts';
import { ScalebenchError } from '../../core/errors.ts';
import { captureOutput, killOnExit } from '../lifecycle/managed-process.ts';
import { logConnectionErrorsOnce } from '../services/log-connection-errors.ts';
import type { PgBinaries, RunAs } from './pg-binaries.ts';

const run = promisify(execFile);

export interface PgCluster {
  role: 'primary' | 'replica';
  port: number;
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  dataDir: string;
  pid: number;
  alive(): boolean;
  /** fast shutdown (SIGINT), then immediate (SIGQUIT) and SIGKILL if it lingers; idempotent */
  stop(): Promise<void>;
}

export interface ClusterCommand {
  binaries: PgBinaries;
  runAs: RunAs | undefined;
}

function processEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', HOME: '/tmp' };
}

async function runTool(command: ClusterCommand, file: string, args: string[]): Promise<void> {
  try {
    await run(file, args, { env: processEnv(), uid: command.runAs?.uid, gid: command.runAs?.gid, cwd: '/' });
  } catch (error: unknown) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split('\n').at(-1);
    const detail = stderr || (error instanceof Error ? error.message : String(error));
    throw new ScalebenchError('SB_ERR_SERVICE_UNAVAILABLE', `${file} failed: ${detail}`, {
      hint: 'check that the postgres OS user can write to the temp folder (TMPDIR)',
    });
  }
}

/** initdb with trust auth for user postgres (its pg_hba allows local replication connections) */
export function initCluster(command: ClusterCommand, dataDir: string): Promise<void> {
  return runTool(command, command.binaries.initdb, [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '--no-sync',
    '--no-instructions',
    '-E',
    'UTF8',
  ]);
}

/** pg_basebackup -R -X stream: a copy of the primary that starts as a streaming standby */
export function basebackupCluster(
  command: ClusterCommand,
  primaryPort: number,
  dataDir: string,
): Promise<void> {
  return runTool(command, command.binaries.pgBasebackup, [
    '-h',
    '127.0.0.1',
    '-p',
    String(primaryPort),
    '-U',
    'postgres',
    '-D',
    dataDir,
    '-R',
    '-X',
    'stream',
    '-c',
    'fast',
    '--no-sync',
  ]);
}

export interface StartClusterOptions extends ClusterCommand {
  role: 'primary' | 'replica';
  dataDir: string;
  port: number;
  /** extra `-c name=value` settings */
  settings?: Record<string, string>;
  readyTimeoutMs?: number;
}

export async function startCluster(options: StartClusterOptions): Promise<PgCluster> {
  const settings: Record<string, string> = {
    port: String(options.port),
    listen_addresses: '127.0.0.1',
    unix_socket_directories: options.dataDir,
    ...options.settings,
  };
  const args = ['-D', options.dataDir, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  const child = spawn(options.binaries.postgres, args, {
    env: processEnv(),
    uid: options.runAs?.uid,
    gid: options.runAs?.gid,
    cwd: '/',
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output = captureOutput(child);
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let spawnError: string | undefined;
  child.once('error', (error) => {
    spawnError = error.message;
  });
  // an immediate shutdown if this process ends before the cleanups ran
  const forget = killOnExit(child, 'SIGQUIT');
  const stop = onCleanup(`stop postgres ${options.role} on port ${options.port}`, () => {
    forget();
    return stopPostmaster(child, exited);
  });
  const url = `postgres://postgres@127.0.0.1:${options.port}/postgres`;
  const failure = await waitForConnections(url, child, options.readyTimeoutMs ?? 30_000);
  if (failure) {
    await stop();
    const last = spawnError ?? output().trim().split('\n').at(-1) ?? '';
    throw new ScalebenchError(
      'SB_ERR_SERVICE_UNAVAILABLE',
      `postgres ${options.role} did not start: ${failure}${last ? ` (${last})` : ''}`,
      { hint: 'see the PostgreSQL message above; is the port taken or the data folder unreadable?' },
    );
  }
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    role: options.role,
    port: options.port,
    url,
    dataDir: options.dataDir,
    pid: child.pid ?? 0,
    alive,
    stop,
  };
}

async function waitForConnections(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      return `it exited with ${child.exitCode ?? child.signalCode}`;
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    client.on('error', logConnectionErrorsOnce('postgres (waiting for a new server)'));
    try {
      await client.connect();
      await client.query('SELECT 1');
      return undefined;
    } catch {
      await sleep(100);
    } finally {
      await client.end().catch(() => {});
    }
  }
  return `no connections accepted after ${timeoutMs} ms`;
}

async function stopPostmaster(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  child.kill('SIGINT');
  const quit = setTimeout(() => child.kill('SIGQUIT'), 10_000);
  const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(quit);
  clearTimeout(kill);
}
