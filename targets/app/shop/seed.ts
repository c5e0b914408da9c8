/**
 * Seeds the shop database with COPY: schema, users, products, reviews, then indexes, all in one
 * transaction under an advisory lock; then VACUUM (FREEZE, ANALYZE) and a CHECKPOINT, so the maintenance
 * a fresh load calls for (autovacuum of 300 000 inserted reviews, hint bits set by the first reads, the
 * checkpointer writing the load out) is done before any load instead of landing in a capacity step: on a
 * database of 1 CPU a background vacuum would take its CPU from the pages being measured. Idempotent:
 * `shop_seed` holds the parameters of the data loaded; a call with the same parameters does nothing,
 * other parameters replace the data.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { logConnectionErrorsOnce } from '../../services/log-connection-errors.ts';
import { inTransaction } from '../pg-transaction.ts';
import {
  dropShopIndexesSql,
  seedLockKey,
  shopIndexesSql,
  shopSchemaVersion,
  shopTablesSql,
} from './schema.ts';
import {
  defaultShopSeedOptions,
  productRows,
  reviewRows,
  type ShopSeedOptions,
  userRows,
} from './seed-data.ts';

export interface SeedResult {
  /** false when the same data was already there */
  created: boolean;
  ms: number;
  options: ShopSeedOptions;
}

export async function seedShop(
  databaseUrl: string,
  options: Partial<ShopSeedOptions> = {},
): Promise<SeedResult> {
  const full = { ...defaultShopSeedOptions, ...options };
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', logConnectionErrorsOnce('postgres (shop seed)'));
  await client.connect();
  try {
    const created = await inTransaction(client, async () => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [seedLockKey]);
      await client.query(shopTablesSql);
      const marker = { ...full, schemaVersion: shopSchemaVersion };
      const { rows } = await client.query<{ params: typeof marker }>('SELECT params FROM shop_seed');
      if (rows[0] && sameMarker(rows[0].params, marker)) return false;
      await loadRows(client, full);
      const ms = Math.round(performance.now() - started);
      await client.query(
        `INSERT INTO shop_seed (id, params, ms) VALUES (1, $1, $2)
         ON CONFLICT (id) DO UPDATE SET params = EXCLUDED.params, ms = EXCLUDED.ms, seeded_at = now()`,
        [JSON.stringify(marker), ms],
      );
      return true;
    });
    if (created) {
      await client.query('VACUUM (FREEZE, ANALYZE) users, products, reviews');
      // CHECKPOINT needs a superuser or pg_checkpoint: a DATABASE_URL of a plain role skips it
      await client.query('CHECKPOINT').catch(() => undefined);
    }
    return { created, ms: performance.now() - started, options: full };
  } finally {
    await client.end().catch(() => {});
  }
}

async function loadRows(client: pg.Client, options: ShopSeedOptions): Promise<void> {
  await client.query(dropShopIndexesSql);
  await client.query('TRUNCATE reviews, products, users RESTART IDENTITY');
  await copyRows(client, 'users (id, name)', userRows(options));
  await copyRows(client, 'products (id, name, category, price_cents, description)', productRows(options));
  await copyRows(client, 'reviews (product_id, user_id, rating, body, created_at)', reviewRows(options));
  await client.query(shopIndexesSql);
}

async function copyRows(client: pg.Client, target: string, rows: Iterable<string>): Promise<void> {
  await pipeline(Readable.from(rows), client.query(copyFrom(`COPY ${target} FROM STDIN`)));
}

function sameMarker<T extends object>(stored: T, wanted: T): boolean {
  return (Object.keys(wanted) as (keyof T)[]).every((key) => stored[key] === wanted[key]);
}
