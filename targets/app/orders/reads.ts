/**
 * The read paths. Normalized: one query joining orders, customers, order_lines and skus, assembled in
 * code (on the primary for db=normalized, on the replica for db=replica). Denormalized: one primary-key
 * lookup of the precomputed document. Statements are named so Postgres plans them once per connection.
 */
import type pg from 'pg';
import {
  type JoinedRow,
  type OrderSummary,
  type OrderView,
  orderFromJoinedRows,
  summarize,
} from './order-view.ts';

const joinedOrderSql = `
SELECT o.id, o.version, o.created_at, c.id AS customer_id, c.name AS customer_name,
       l.line_no, l.sku_id, s.name AS sku_name, l.qty, l.unit_price_cents
FROM orders o
JOIN customers c ON c.id = o.customer_id
JOIN order_lines l ON l.order_id = o.id
JOIN skus s ON s.id = l.sku_id
WHERE o.id = $1
ORDER BY l.line_no`;

export async function readOrderJoined(
  db: pg.Pool | pg.ClientBase,
  id: number,
): Promise<OrderView | undefined> {
  const { rows } = await db.query<JoinedRow>({
    name: 'orders-read-joined',
    text: joinedOrderSql,
    values: [id],
  });
  return orderFromJoinedRows(rows);
}

export async function readOrderView(db: pg.Pool | pg.ClientBase, id: number): Promise<OrderView | undefined> {
  const { rows } = await db.query<{ doc: OrderView }>({
    name: 'orders-read-view',
    text: 'SELECT doc FROM order_views WHERE order_id = $1',
    values: [id],
  });
  return rows[0]?.doc;
}

const customerOrdersJoinedSql = `
SELECT o.id, o.version, count(*)::int AS line_count, sum(l.qty * l.unit_price_cents)::int AS total_cents
FROM orders o
JOIN order_lines l ON l.order_id = o.id
WHERE o.customer_id = $1
GROUP BY o.id
ORDER BY o.id DESC
LIMIT $2`;

export async function customerOrdersJoined(
  db: pg.Pool | pg.ClientBase,
  customerId: number,
  limit: number,
): Promise<OrderSummary[]> {
  const { rows } = await db.query<{ id: number; version: number; line_count: number; total_cents: number }>({
    name: 'orders-customer-joined',
    text: customerOrdersJoinedSql,
    values: [customerId, limit],
  });
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    lineCount: row.line_count,
    totalCents: row.total_cents,
  }));
}

export async function customerOrdersFromViews(
  db: pg.Pool | pg.ClientBase,
  customerId: number,
  limit: number,
): Promise<OrderSummary[]> {
  const { rows } = await db.query<{ doc: OrderView }>({
    name: 'orders-customer-views',
    text: 'SELECT doc FROM order_views WHERE customer_id = $1 ORDER BY order_id DESC LIMIT $2',
    values: [customerId, limit],
  });
  return rows.map((row) => summarize(row.doc));
}
