/**
 * Spawns one process of the reference app (or another entry of it, such as a queue worker) as
 * `node <entry>` (core/entry-points.ts: built JavaScript, or the source through tsx) with its knobs in the environment, on its own free port, and waits until
 * `/healthz` answers with its own instance id (or, for processes without HTTP, until its log shows a
 * ready line). Failing to start throws SB_ERR_TARGET_START naming the log file.
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { nodeArgs, packageRoot } from '../../core/entry-points.ts';
import { freePort } from '../lifecycle/free-port.ts';
import { confineProcess } from '../sizing/confine.ts';
import { type ServerSize, serverSizeEnv } from '../sizing/server-size.ts';
import { fetchHealth } from './health.ts';
import { type LoggedProcess, spawnLogged } from './spawn.ts';

export interface SpawnAppOptions {
  /** INSTANCE_ID of the process and the name of its log file, e.g. 'clone-0' */
  id: string;
  logDir: string;
  /** the app's knobs (FEATURES, SESSION, REDIS_URL, ...), layered over baseEnv */
  env: Record<string, string | undefined>;
  /** default: process.env */
  baseEnv?: Record<string, string | undefined>;
  /** default: a free port (ignored when readyWhen is a pattern) */
  port?: number;
  /** entry file relative to the repository root; default 'targets/app/main.ts' */
  entry?: string;
  /** 'healthz' (default) waits for /healthz; a pattern waits for a matching line in the log (workers) */
  readyWhen?: 'healthz' | RegExp;
  readyTimeoutMs?: number;
  /** the server's declared size: a CPU quota once it is ready, or its worker pool (SERVER_WORKERS) */
  server?: ServerSize;
}

export interface AppProcess extends LoggedProcess {
  id: string;
  /** null for processes without HTTP (readyWhen is a pattern) */
  port: number | null;
  url: string | null;
  /** the build id its /healthz reported when it became ready */
  build: string | null;
  /** the size it runs at, when it was given one */
  server?: ServerSize;
}

export async function spawnApp(options: SpawnAppOptions): Promise<AppProcess> {
  const http = options.readyWhen === undefined || options.readyWhen === 'healthz';
  const port = http ? (options.port ?? (await freePort())) : null;
  const url = port === null ? null : `http://127.0.0.1:${port}`;
  let build: string | null = null;
  const env: Record<string, string | undefined> = {
    ...(options.baseEnv ?? process.env),
    ...options.env,
    ...serverSizeEnv(options.server),
    INSTANCE_ID: options.id,
    HOST: '127.0.0.1',
  };
  if (port !== null) env.PORT = String(port);
  const logPath = join(options.logDir, `${options.id}.log`);
  const pattern = options.readyWhen instanceof RegExp ? options.readyWhen : undefined;
  // a restart appends to the same log: only lines written after this start count
  const logOffset = sizeOf(logPath);
  const ready = async () => {
    if (pattern) return pattern.test((await readFile(logPath)).subarray(logOffset).toString('utf8'));
    if (url === null) return false;
    const health = await fetchHealth(url, 1000);
    if (health?.instance !== options.id) return false;
    build = health.build;
    return true;
  };
  const child = await spawnLogged({
    name: options.id,
    command: process.execPath,
    args: nodeArgs(options.entry ?? 'targets/app/main.ts'),
    env,
    cwd: packageRoot,
    logDir: options.logDir,
    ready,
    readyTimeoutMs: options.readyTimeoutMs ?? 30_000,
    hint: `read the log file; the app's knobs are in targets/app/config.ts`,
  });
  const stop = await confineStarted(child, options.id, options.server);
  return {
    ...child,
    stop,
    id: options.id,
    port,
    url,
    build,
    ...(options.server ? { server: options.server } : {}),
  };
}

/**
 * Applies the declared size to a started process (a CPU quota); one that cannot be confined is stopped.
 * Returns how to stop it, which also waits for its CPU-quota group to be removed.
 */
async function confineStarted(
  child: LoggedProcess,
  id: string,
  server: ServerSize | undefined,
): Promise<() => Promise<void>> {
  let confined: Awaited<ReturnType<typeof confineProcess>>;
  try {
    confined = await confineProcess({ name: id, pid: child.pid, exited: child.exited }, server);
  } catch (error: unknown) {
    await child.stop();
    throw error;
  }
  return async () => {
    await child.stop();
    await confined.released;
  };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
