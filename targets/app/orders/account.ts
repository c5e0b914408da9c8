/**
 * The customer account page — the database experiment's read. Normalized, it is one statement that joins
 * the customer's orders, their lines and the SKUs (hundreds of rows per customer in the seed) and
 * aggregates them: order count, lifetime spend, the ten newest orders with their totals, the five
 * products the customer spent most on. Denormalized, it is one primary-key lookup of customer_views,
 * whose document the write path rebuilds with the very same statement inside the write's transaction:
 * the join is paid for once per write instead of once per read.
 */
import type pg from 'pg';

export interface AccountView {
  customer: { id: number; name: string };
  orderCount: number;
  lifetimeCents: number;
  /** the newest order's id: a client that just placed order n must see lastOrderId ≥ n */
  lastOrderId: number | null;
  recentOrders: { id: number; version: number; lineCount: number; totalCents: number }[];
  topProducts: { productId: number; productName: string; units: number; spentCents: number }[];
}

/** the account document of the customer whose id is the SQL expression `customer`, as one jsonb value */
export function accountDocSql(customer: string): string {
  return `(
WITH lines AS (
  SELECT o.id AS order_id, o.version, l.qty * l.unit_price_cents AS cents, l.qty, s.id AS sku_id, s.name AS sku_name
  FROM orders o
  JOIN order_lines l ON l.order_id = o.id
  JOIN skus s ON s.id = l.sku_id
  WHERE o.customer_id = ${customer}
), per_order AS (
  SELECT order_id, version, count(*)::int AS line_count, sum(cents)::bigint AS total_cents
  FROM lines GROUP BY order_id, version
), top_products AS (
  SELECT sku_id, sku_name, sum(qty)::int AS units, sum(cents)::bigint AS spent
  FROM lines GROUP BY sku_id, sku_name ORDER BY spent DESC, sku_id LIMIT 5
), recent AS (
  SELECT * FROM per_order ORDER BY order_id DESC LIMIT 10
)
SELECT jsonb_build_object(
  'customer', jsonb_build_object('id', c.id, 'name', c.name),
  'orderCount', (SELECT count(*) FROM per_order),
  'lifetimeCents', (SELECT coalesce(sum(total_cents), 0) FROM per_order),
  'lastOrderId', (SELECT max(order_id) FROM per_order),
  'recentOrders', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', order_id, 'version', version,
      'lineCount', line_count, 'totalCents', total_cents) ORDER BY order_id DESC), '[]') FROM recent),
  'topProducts', (SELECT coalesce(jsonb_agg(jsonb_build_object('productId', sku_id, 'productName', sku_name,
      'units', units, 'spentCents', spent) ORDER BY spent DESC, sku_id), '[]') FROM top_products))
FROM customers c WHERE c.id = ${customer})`;
}

type Db = pg.Pool | pg.ClientBase;

/** the normalized read: the join and the aggregates, now */
export async function readAccountJoined(db: Db, customerId: number): Promise<AccountView | undefined> {
  const { rows } = await db.query<{ doc: AccountView | null }>({
    name: 'orders-account-joined',
    text: `SELECT ${accountDocSql('$1::int')} AS doc`,
    values: [customerId],
  });
  return rows[0]?.doc ?? undefined;
}

/** the denormalized read: one row by primary key */
export async function readAccountView(db: Db, customerId: number): Promise<AccountView | undefined> {
  const { rows } = await db.query<{ doc: AccountView }>({
    name: 'orders-account-view',
    text: 'SELECT doc FROM customer_views WHERE customer_id = $1',
    values: [customerId],
  });
  return rows[0]?.doc;
}

/**
 * The write-time half of denormalization: rebuilds the customer's document with the normalized join.
 * Runs inside the write's transaction, after the order's rows, with the customer row locked (writes.ts)
 * so two concurrent orders of one customer cannot each store a document that misses the other.
 */
export async function refreshAccountView(client: pg.ClientBase, customerId: number): Promise<void> {
  await client.query({
    name: 'orders-account-refresh',
    text: `INSERT INTO customer_views (customer_id, doc) VALUES ($1, ${accountDocSql('$1::int')})
           ON CONFLICT (customer_id) DO UPDATE SET doc = excluded.doc`,
    values: [customerId],
  });
}

/** every customer's document at once (the seed) */
export const buildAccountViewsSql = `INSERT INTO customer_views (customer_id, doc)
SELECT cv.id, ${accountDocSql('cv.id')} FROM customers cv`;
