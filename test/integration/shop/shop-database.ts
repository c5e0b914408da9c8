/** A private, small, seeded shop database per test file: sb_shop_<random>, dropped afterwards. */
import { randomBytes } from 'node:crypto';
import { prepareShopDatabase } from '../../../targets/app/shop/prepare.ts';
import type { ShopSeedOptions } from '../../../targets/app/shop/seed-data.ts';
import { databaseUrl, dropDatabase } from '../../../targets/services/postgres.ts';
import { postgresUrl } from './shop-app.ts';

export const smallSeed: Partial<ShopSeedOptions> = {
  products: 500,
  reviewsPerProduct: 4,
  users: 100,
  productsPerCategory: 25,
};

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export function testDatabase(): TestDatabase {
  const name = `sb_shop_${randomBytes(5).toString('hex')}`;
  return { url: databaseUrl(postgresUrl, name), drop: () => dropDatabase(postgresUrl, name) };
}

export async function seededTestDatabase(): Promise<TestDatabase> {
  const database = testDatabase();
  await prepareShopDatabase(database.url, smallSeed);
  return database;
}
