/**
 * The deterministic rows of the shop seed, as COPY text-format lines: the same options give the same
 * bytes on every machine (a seeded PRNG, no clock). Generated lazily in chunks so memory stays flat.
 */
import { seededRandom } from '../../../core/seeded-random.ts';

export interface ShopSeedOptions {
  /** default 10 000 */
  products: number;
  /** every product gets exactly this many reviews; default 30 (300 000 reviews) */
  reviewsPerProduct: number;
  /** default 5 000 */
  users: number;
  /**
   * products per category, which sizes the "similar products" aggregate; default 200: PostgreSQL
   * aggregates the category's 6 000 reviews with a hash join over all reviews (~20 ms of CPU; 100 per
   * category already does). At 50 it took a nested loop (~1.4 ms), a page cost its database ~6 ms, and
   * no-cache's capacity on a 1-CPU server came out at 35/s one day and 150/s another: no-cache's p50
   * was only 3-5x the object cache's, and its knee as much the host's as the database's
   */
  productsPerCategory: number;
  /** PRNG seed; default 1 */
  seed: number;
}

export const defaultShopSeedOptions: ShopSeedOptions = {
  products: 10_000,
  reviewsPerProduct: 30,
  users: 5_000,
  productsPerCategory: 200,
  seed: 1,
};

const words = (
  'solid light sturdy cheap pricey great poor value quality fast slow arrived broken perfect works ' +
  'returned again gift daily battery screen size colour fits loud quiet smell soft hard would buy never ' +
  'recommend exactly described better worse than expected after month week year still love hate fine'
).split(' ');

function sentence(random: () => number, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) out.push(words[Math.floor(random() * words.length)]!);
  return out.join(' ');
}

const chunkRows = 2_000;

export function* userRows(options: ShopSeedOptions): Generator<string> {
  let chunk = '';
  for (let id = 1; id <= options.users; id += 1) {
    chunk += `${id}\tuser-${id}\n`;
    if (id % chunkRows === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

export function* productRows(options: ShopSeedOptions): Generator<string> {
  const random = seededRandom(options.seed);
  let chunk = '';
  for (let id = 1; id <= options.products; id += 1) {
    const category = 1 + Math.floor((id - 1) / options.productsPerCategory);
    const price = 100 + Math.floor(random() * 50_000);
    chunk += `${id}\tproduct ${id} ${sentence(random, 2)}\t${category}\t${price}\t${sentence(random, 30)}\n`;
    if (id % chunkRows === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

const seedEpochMs = Date.UTC(2024, 0, 1);

/** reviews interleaved across products (as they would arrive), so a product's rows are spread on disk */
export function* reviewRows(options: ShopSeedOptions): Generator<string> {
  const random = seededRandom(options.seed * 31 + 7);
  let chunk = '';
  let rows = 0;
  for (let round = 0; round < options.reviewsPerProduct; round += 1) {
    for (let product = 1; product <= options.products; product += 1) {
      const user = 1 + Math.floor(random() * options.users);
      const rating = 5 - Math.floor(random() ** 2 * 5);
      const at = new Date(seedEpochMs + Math.floor(random() * 31_536_000) * 1000).toISOString();
      chunk += `${product}\t${user}\t${rating}\t${sentence(random, 8 + Math.floor(random() * 20))}\t${at}\n`;
      rows += 1;
      if (rows % chunkRows === 0) {
        yield chunk;
        chunk = '';
      }
    }
  }
  if (chunk) yield chunk;
}
