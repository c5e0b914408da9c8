/**
 * The orders feature's own tables (the shop feature owns products/reviews/users). Normalized: customers,
 * skus, orders, order_lines. Denormalized: order_views holds each order as one JSON document and
 * customer_views each customer's account page (account.ts), both kept up to date by the write path (the
 * join done at write time).
 */
import type pg from 'pg';

export const ordersSchemaSql = `
CREATE TABLE IF NOT EXISTS customers (
  id integer PRIMARY KEY,
  name text NOT NULL,
  email text NOT NULL
);
CREATE TABLE IF NOT EXISTS skus (
  id integer PRIMARY KEY,
  name text NOT NULL,
  price_cents integer NOT NULL
);
CREATE TABLE IF NOT EXISTS orders (
  id serial PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customers (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS orders_customer_id_idx ON orders (customer_id);
CREATE TABLE IF NOT EXISTS order_lines (
  order_id integer NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  line_no integer NOT NULL,
  sku_id integer NOT NULL REFERENCES skus (id),
  qty integer NOT NULL,
  unit_price_cents integer NOT NULL,
  PRIMARY KEY (order_id, line_no)
);
CREATE TABLE IF NOT EXISTS order_views (
  order_id integer PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
  customer_id integer NOT NULL,
  version integer NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS order_views_customer_id_idx ON order_views (customer_id);
CREATE TABLE IF NOT EXISTS customer_views (
  customer_id integer PRIMARY KEY REFERENCES customers (id),
  doc jsonb NOT NULL
);
CREATE TABLE IF NOT EXISTS orders_seed (
  spec text PRIMARY KEY,
  seeded_at timestamptz NOT NULL DEFAULT now()
);
`;

/** all tables of the feature, children first (for TRUNCATE) */
export const ordersTables = [
  'order_views',
  'customer_views',
  'order_lines',
  'orders',
  'skus',
  'customers',
  'orders_seed',
] as const;

export async function ensureOrdersSchema(client: pg.ClientBase): Promise<void> {
  await client.query(ordersSchemaSql);
}
