import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareShopDatabase } from '../../../targets/app/shop/prepare.ts';
import { seedShop } from '../../../targets/app/shop/seed.ts';
import { smallSeed, type TestDatabase, testDatabase } from './shop-database.ts';

async function contents(
  url: string,
): Promise<{ users: number; products: number; reviews: number; hash: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`
      SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM products) AS products,
        (SELECT count(*)::int FROM reviews) AS reviews,
        (SELECT md5(string_agg(concat_ws(',', product_id, user_id, rating, body, created_at), ';' ORDER BY id))
          FROM reviews) AS hash`);
    return rows[0];
  } finally {
    await client.end();
  }
}

describe('seeding the shop database', () => {
  let database: TestDatabase | undefined;

  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('creates the database and data once; the same call again creates nothing and changes nothing', async () => {
    database = testDatabase();
    const first = await prepareShopDatabase(database.url, smallSeed);
    expect(first).toMatchObject({ created: true, databaseCreated: true });
    const before = await contents(database.url);
    expect(before).toMatchObject({ users: 100, products: 500, reviews: 2000 });

    const second = await prepareShopDatabase(database.url, smallSeed);
    expect(second).toMatchObject({ created: false, databaseCreated: false });
    expect(await contents(database.url)).toEqual(before);
  });

  it('replaces the data when the parameters change, and reproduces it exactly when they change back', async () => {
    database = testDatabase();
    await prepareShopDatabase(database.url, smallSeed);
    const original = await contents(database.url);
    const other = await seedShop(database.url, { ...smallSeed, reviewsPerProduct: 2, seed: 9 });
    expect(other.created).toBe(true);
    expect((await contents(database.url)).reviews).toBe(1000);
    expect((await seedShop(database.url, smallSeed)).created).toBe(true);
    expect(await contents(database.url)).toEqual(original);
  });
});
