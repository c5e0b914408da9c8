/**
 * The deterministic seed data set, generated inside PostgreSQL (generate_series, no rows cross the wire):
 * every value is a hash of its row number and the spec's seed (hashint8extended), so the same spec always
 * yields the same customers, SKUs, orders and lines, and every run of every variant starts from identical
 * data. The denormalized documents are then built from those rows by the same SQL the write path runs.
 */

export interface SeedSpec {
  customers: number;
  skus: number;
  orders: number;
  /** lines per order are 1..maxLines */
  maxLines: number;
  seed: number;
}

/**
 * 20 000 orders over 100 customers: about 200 orders and 600 order lines per customer, so the customer
 * account page (account.ts) joins and aggregates hundreds of rows when it is read normalized.
 */
export const defaultSeedSpec: SeedSpec = {
  customers: 100,
  skus: 500,
  orders: 20_000,
  maxLines: 5,
  seed: 42,
};

/** the marker stored in orders_seed; a different spec (or format version) means reseeding */
export function seedSpecKey(spec: SeedSpec): string {
  return `v2:c=${spec.customers},s=${spec.skus},o=${spec.orders},l=${spec.maxLines},seed=${spec.seed}`;
}

/** 0..n-1 from row number `row` and a salt: $1 is the spec's seed */
const pick = (row: string, salt: number, n: string) =>
  `((hashint8extended((${row})::bigint, $1::bigint * 16 + ${salt}) & 9223372036854775807) % (${n}))::int`;

const firstNames = `ARRAY['Ada','Alan','Barbara','Claude','Donald','Edsger','Frances','Grace','Ken','Leslie']`;
const lastNames = `ARRAY['Hopper','Knuth','Liskov','Lovelace','Ritchie','Shannon','Thompson','Turing']`;
const adjectives = `ARRAY['Blue','Compact','Deluxe','Eco','Heavy','Quiet','Rapid','Smart','Solid','Tiny']`;
const nouns = `ARRAY['Anvil','Bracket','Cable','Drill','Gear','Hinge','Lamp','Pump','Valve','Widget']`;

/** types all five parameters, so a statement may leave some unused */
const typedParams = 'WITH params AS (SELECT $1::bigint, $2::int, $3::int, $4::int, $5::int)';

/**
 * The statements that fill the normalized tables, in order. Parameters (seedParams): $1 seed,
 * $2 customers, $3 skus, $4 orders, $5 maxLines.
 */
export const seedRowsSql: readonly string[] = [
  `${typedParams} INSERT INTO customers (id, name, email)
   SELECT i, (${firstNames})[1 + ${pick('i', 1, '10')}] || ' ' || (${lastNames})[1 + ${pick('i', 2, '8')}] || ' #' || i,
          'customer' || i || '@example.test'
   FROM generate_series(1, $2::int) i`,
  `${typedParams} INSERT INTO skus (id, name, price_cents)
   SELECT i, (${adjectives})[1 + ${pick('i', 3, '10')}] || ' ' || (${nouns})[1 + ${pick('i', 4, '10')}] || ' ' || i,
          100 + ${pick('i', 5, '19901')}
   FROM generate_series(1, $3::int) i`,
  `${typedParams} INSERT INTO orders (id, customer_id, version, created_at)
   SELECT i, 1 + ${pick('i', 6, '$2::int')}, 1, timestamptz '2024-01-01 00:00:00+00' + (i - 1) * interval '1 minute'
   FROM generate_series(1, $4::int) i`,
  `${typedParams} INSERT INTO order_lines (order_id, line_no, sku_id, qty, unit_price_cents)
   SELECT o, l, s.id, 1 + ${pick('o::bigint * 64 + l', 8, '4')}, s.price_cents
   FROM generate_series(1, $4::int) o
   CROSS JOIN LATERAL generate_series(1, 1 + ${pick('o', 7, '$5::int')}) l
   JOIN skus s ON s.id = 1 + ${pick('o::bigint * 64 + l', 9, '$3::int')}`,
];

/** the values of $1..$5 for seedRowsSql */
export function seedParams(spec: SeedSpec): number[] {
  return [spec.seed, spec.customers, spec.skus, spec.orders, spec.maxLines];
}
