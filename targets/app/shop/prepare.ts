/**
 * Database bootstrap for the caching targets, called before clones start: creates the database named
 * in the URL when it is missing, then creates the schema and seeds it (idempotent, see seed.ts).
 */
import pg from 'pg';
import { ScalebenchError } from '../../../core/errors.ts';
import { logConnectionErrorsOnce } from '../../services/log-connection-errors.ts';
import { createDatabase, databaseUrl } from '../../services/postgres.ts';
import { type SeedResult, seedShop } from './seed.ts';
import type { ShopSeedOptions } from './seed-data.ts';

export interface PreparedShopDatabase extends SeedResult {
  database: string;
  /** true when the database did not exist and was created */
  databaseCreated: boolean;
}

export async function prepareShopDatabase(
  url: string,
  seedOptions: Partial<ShopSeedOptions> = {},
): Promise<PreparedShopDatabase> {
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!database) {
    throw new ScalebenchError('SB_ERR_INVALID_CONFIG', `DATABASE_URL ${redact(url)} names no database`, {
      hint: 'use postgres://user@host:port/<database>',
    });
  }
  let databaseCreated: boolean;
  try {
    databaseCreated = await ensureDatabase(url, database);
  } catch (error: unknown) {
    if (error instanceof ScalebenchError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ScalebenchError('SB_ERR_SERVICE_UNAVAILABLE', `cannot prepare ${redact(url)}: ${message}`, {
      hint: 'is PostgreSQL running, and may this user create databases? set DATABASE_URL',
    });
  }
  const seeded = await seedShop(url, seedOptions);
  return { ...seeded, database, databaseCreated };
}

/** creates the database unless it exists; a concurrent creator winning the race is fine */
async function ensureDatabase(url: string, database: string): Promise<boolean> {
  const adminUrl = databaseUrl(url, 'postgres');
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  client.on('error', logConnectionErrorsOnce('postgres (shop database set-up)'));
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount) return false;
  } finally {
    await client.end().catch(() => {});
  }
  try {
    await createDatabase(adminUrl, database);
    return true;
  } catch (error: unknown) {
    const code = (error as { code?: string }).code;
    if (code === '42P04' || code === '23505') return false;
    throw error;
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
