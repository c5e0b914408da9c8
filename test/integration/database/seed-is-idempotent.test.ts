import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareOrdersDatabase } from '../../../targets/app/orders/seed.ts';
import { createScratchDatabase, type ScratchDatabase, smallSeed, withClient } from './orders-db.ts';

describe('preparing the orders database', () => {
  let db: ScratchDatabase;

  beforeAll(async () => {
    db = await createScratchDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('seeds once, skips when the seed is intact, and restores it after extra writes', async () => {
    const fingerprint = () =>
      withClient(db.url, async (client) => {
        const { rows } = await client.query<{ orders: number; lines: number; views: number; hash: string }>(
          `SELECT (SELECT count(*)::int FROM orders) AS orders, (SELECT count(*)::int FROM order_lines) AS lines,
                  (SELECT count(*)::int FROM order_views) AS views,
                  (SELECT md5(string_agg(doc::text, ',' ORDER BY order_id)) FROM order_views) AS hash`,
        );
        return rows[0]!;
      });
    expect(await prepareOrdersDatabase(db.url, smallSeed)).toEqual({
      seeded: true,
      orders: smallSeed.orders,
    });
    const first = await fingerprint();
    expect(first.orders).toBe(smallSeed.orders);
    expect(first.views).toBe(smallSeed.orders);

    expect(await prepareOrdersDatabase(db.url, smallSeed)).toEqual({
      seeded: false,
      orders: smallSeed.orders,
    });

    await withClient(db.url, (client) => client.query('INSERT INTO orders (customer_id) VALUES (1)'));
    expect((await prepareOrdersDatabase(db.url, smallSeed)).seeded).toBe(true);
    expect(await fingerprint()).toEqual(first);
    const nextId = await withClient(db.url, async (client) => {
      const { rows } = await client.query<{ id: number }>(
        'INSERT INTO orders (customer_id) VALUES (1) RETURNING id',
      );
      return rows[0]!.id;
    });
    expect(nextId).toBe(smallSeed.orders + 1);
  });
});
