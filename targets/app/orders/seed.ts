/**
 * Loads the deterministic seed with COPY. Idempotent: when the database already holds exactly this seed
 * and nothing else (marker row present, order count unchanged) it does nothing; otherwise it truncates the
 * feature's tables and loads them again in one transaction, under an advisory lock so two processes
 * preparing the same database do not collide.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { inTransaction } from '../pg-transaction.ts';
import { ensureOrdersSchema, ordersTables } from './schema.ts';
import { defaultSeedSpec, generateSeedData, type SeedSpec, seedOrderView, seedSpecKey } from './seed-data.ts';

const lockKey = 0x5eed0de5;

export interface PrepareResult {
  seeded: boolean;
  orders: number;
}

/** Creates the tables and loads the seed (unless already there) on the database at `url`. */
export async function prepareOrdersDatabase(
  url: string,
  spec: SeedSpec = defaultSeedSpec,
): Promise<PrepareResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await inTransaction(client, async () => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
      await ensureOrdersSchema(client);
      const seeded = await alreadySeeded(client, spec);
      if (!seeded) await loadSeed(client, spec);
      return { seeded: !seeded, orders: spec.orders };
    });
  } finally {
    await client.end();
  }
}

async function alreadySeeded(client: pg.Client, spec: SeedSpec): Promise<boolean> {
  const { rows } = await client.query<{ marked: boolean; orders: number }>(
    `SELECT EXISTS (SELECT 1 FROM orders_seed WHERE spec = $1) AS marked, (SELECT count(*)::int FROM orders) AS orders`,
    [seedSpecKey(spec)],
  );
  return rows[0]!.marked && rows[0]!.orders === spec.orders;
}

async function loadSeed(client: pg.Client, spec: SeedSpec): Promise<void> {
  const data = generateSeedData(spec);
  await client.query(`TRUNCATE ${ordersTables.join(', ')} RESTART IDENTITY`);
  await copyRows(client, 'customers (id, name, email)', data.customers, (c) => [c.id, c.name, c.email]);
  await copyRows(client, 'skus (id, name, price_cents)', data.skus, (s) => [s.id, s.name, s.price_cents]);
  await copyRows(client, 'orders (id, customer_id, version, created_at)', data.orders, (o) => [
    o.id,
    o.customerId,
    1,
    o.createdAt.toISOString(),
  ]);
  const lines = data.orders.flatMap((order) => order.lines.map((line) => ({ order, line })));
  await copyRows(
    client,
    'order_lines (order_id, line_no, sku_id, qty, unit_price_cents)',
    lines,
    ({ order, line }) => [order.id, line.lineNo, line.sku.id, line.qty, line.sku.price_cents],
  );
  await copyRows(client, 'order_views (order_id, customer_id, version, doc)', data.orders, (order) => [
    order.id,
    order.customerId,
    1,
    JSON.stringify(seedOrderView(order, data.customers)),
  ]);
  await client.query(`SELECT setval('orders_id_seq', GREATEST($1::int, 1), $1::int > 0)`, [spec.orders]);
  await client.query('INSERT INTO orders_seed (spec) VALUES ($1)', [seedSpecKey(spec)]);
}

/** COPY text format: tab-separated, with backslash, tab and newlines escaped */
export function copyTextLine(values: readonly (string | number)[]): string {
  const escaped = values.map((value) =>
    String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r'),
  );
  return `${escaped.join('\t')}\n`;
}

async function copyRows<T>(
  client: pg.Client,
  target: string,
  rows: readonly T[],
  toValues: (row: T) => (string | number)[],
): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${target} FROM STDIN`));
  function* lines() {
    for (const row of rows) yield copyTextLine(toValues(row));
  }
  await pipeline(Readable.from(lines()), stream);
}
