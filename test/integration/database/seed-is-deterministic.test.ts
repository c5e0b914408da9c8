import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareOrdersDatabase } from '../../../targets/app/orders/seed.ts';
import { createScratchDatabase, type ScratchDatabase, smallSeed, withClient } from './orders-db.ts';

const fingerprintSql = `SELECT
  (SELECT md5(string_agg(c::text, ',' ORDER BY id)) FROM customers c) AS customers,
  (SELECT md5(string_agg(s::text, ',' ORDER BY id)) FROM skus s) AS skus,
  (SELECT md5(string_agg(o::text, ',' ORDER BY id)) FROM orders o) AS orders,
  (SELECT md5(string_agg(l::text, ',' ORDER BY order_id, line_no)) FROM order_lines l) AS lines,
  (SELECT md5(string_agg(doc::text, ',' ORDER BY customer_id)) FROM customer_views) AS accounts`;

const fingerprint = (url: string) =>
  withClient(url, async (client) => (await client.query<Record<string, string>>(fingerprintSql)).rows[0]!);

describe('the orders seed, generated in PostgreSQL', () => {
  const dbs: ScratchDatabase[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 3; i += 1) dbs.push(await createScratchDatabase());
  });

  afterAll(async () => {
    await Promise.all(dbs.map((db) => db.drop()));
  });

  it('is the same data for the same spec, other data for another seed, and stays inside the spec', async () => {
    const [a, b, c] = dbs as [ScratchDatabase, ScratchDatabase, ScratchDatabase];
    await prepareOrdersDatabase(a.url, smallSeed);
    await prepareOrdersDatabase(b.url, smallSeed);
    await prepareOrdersDatabase(c.url, { ...smallSeed, seed: smallSeed.seed + 1 });
    expect(await fingerprint(b.url)).toEqual(await fingerprint(a.url));
    expect((await fingerprint(c.url)).lines).not.toBe((await fingerprint(a.url)).lines);

    const bounds = await withClient(a.url, async (client) => {
      const { rows } = await client.query(
        `SELECT (SELECT count(*)::int FROM customers) AS customers, (SELECT count(*)::int FROM skus) AS skus,
           (SELECT count(*)::int FROM orders WHERE customer_id BETWEEN 1 AND $1) AS orders,
           (SELECT min(n)::int FROM (SELECT count(*) AS n FROM order_lines GROUP BY order_id) x) AS min_lines,
           (SELECT max(n)::int FROM (SELECT count(*) AS n FROM order_lines GROUP BY order_id) x) AS max_lines,
           (SELECT count(*)::int FROM order_lines l JOIN skus s ON s.id = l.sku_id
              WHERE l.unit_price_cents <> s.price_cents) AS mispriced,
           (SELECT count(*)::int FROM customer_views) AS accounts`,
        [smallSeed.customers],
      );
      return rows[0];
    });
    expect(bounds).toEqual({
      customers: smallSeed.customers,
      skus: smallSeed.skus,
      orders: smallSeed.orders,
      min_lines: 1,
      max_lines: smallSeed.maxLines,
      mispriced: 0,
      accounts: smallSeed.customers,
    });
  });
});
