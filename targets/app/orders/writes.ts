/**
 * The write paths, always on the primary and in one transaction. With `denormalize` the same transaction
 * also writes what the reads will need: the order's document in order_views (the join done in code, from
 * the rows the write has in hand) and the customer's account page in customer_views (the account join
 * and aggregates run by the database, account.ts) — write amplification, so reads never join.
 */
import type pg from 'pg';
import { inPoolTransaction } from '../pg-transaction.ts';
import { HttpError } from '../router.ts';
import { refreshAccountView } from './account.ts';
import { lineView, type NewLine, type OrderView, type SkuRow, withLines } from './order-view.ts';

export interface OrderItemInput {
  productId: number;
  qty: number;
}

export interface WriteResult {
  id: number;
  version: number;
}

async function loadSkus(
  client: pg.ClientBase,
  items: readonly OrderItemInput[],
): Promise<Map<number, SkuRow>> {
  const ids = [...new Set(items.map((item) => item.productId))];
  const { rows } = await client.query<SkuRow>({
    name: 'orders-skus',
    text: 'SELECT id, name, price_cents FROM skus WHERE id = ANY($1::int[])',
    values: [ids],
  });
  const skus = new Map(rows.map((row) => [row.id, row]));
  const missing = ids.filter((id) => !skus.has(id));
  if (missing.length > 0) throw new HttpError(422, `unknown productId ${missing.join(', ')}`);
  return skus;
}

async function insertLines(client: pg.ClientBase, orderId: number, lines: readonly NewLine[]): Promise<void> {
  await client.query({
    name: 'orders-insert-lines',
    text: `INSERT INTO order_lines (order_id, line_no, sku_id, qty, unit_price_cents)
           SELECT $1, * FROM unnest($2::int[], $3::int[], $4::int[], $5::int[])`,
    values: [
      orderId,
      lines.map((line) => line.lineNo),
      lines.map((line) => line.sku.id),
      lines.map((line) => line.qty),
      lines.map((line) => line.sku.price_cents),
    ],
  });
}

function newLines(
  items: readonly OrderItemInput[],
  skus: Map<number, SkuRow>,
  firstLineNo: number,
): NewLine[] {
  return items.map((item, index) => ({
    lineNo: firstLineNo + index,
    sku: skus.get(item.productId)!,
    qty: item.qty,
  }));
}

export async function createOrder(
  pool: pg.Pool,
  customerId: number,
  items: readonly OrderItemInput[],
  denormalize: boolean,
): Promise<WriteResult> {
  return inPoolTransaction(pool, async (client) => {
    const { rows: customers } = await client.query<{ id: number; name: string }>({
      // denormalized: the customer row is locked, so one customer's documents are rebuilt one write at a time
      ...(denormalize
        ? {
            name: 'orders-customer-lock',
            text: 'SELECT id, name FROM customers WHERE id = $1 FOR NO KEY UPDATE',
          }
        : { name: 'orders-customer', text: 'SELECT id, name FROM customers WHERE id = $1' }),
      values: [customerId],
    });
    const customer = customers[0];
    if (!customer) throw new HttpError(422, `unknown customerId ${customerId}`);
    const skus = await loadSkus(client, items);
    const { rows } = await client.query<{ id: number; version: number; created_at: Date }>({
      name: 'orders-insert',
      text: 'INSERT INTO orders (customer_id) VALUES ($1) RETURNING id, version, created_at',
      values: [customerId],
    });
    const order = rows[0]!;
    const lines = newLines(items, skus, 1);
    await insertLines(client, order.id, lines);
    if (denormalize) {
      const view = withLines(
        { id: order.id, version: order.version, customer, createdAt: order.created_at.toISOString() },
        lines.map(lineView),
      );
      await client.query({
        name: 'orders-insert-view',
        text: 'INSERT INTO order_views (order_id, customer_id, version, doc) VALUES ($1, $2, $3, $4)',
        values: [order.id, customerId, order.version, JSON.stringify(view)],
      });
      await refreshAccountView(client, customerId);
    }
    return { id: order.id, version: order.version };
  });
}

/** Appends lines to an order and bumps its version (a write that changes what a read must show). */
export async function addOrderItems(
  pool: pg.Pool,
  orderId: number,
  items: readonly OrderItemInput[],
  denormalize: boolean,
): Promise<WriteResult> {
  return inPoolTransaction(pool, async (client) => {
    const { rows } = await client.query<{ version: number; last_line: number; customer_id: number }>({
      name: 'orders-bump',
      text: `UPDATE orders SET version = version + 1 WHERE id = $1
             RETURNING version, customer_id,
               (SELECT coalesce(max(line_no), 0) FROM order_lines WHERE order_id = $1) AS last_line`,
      values: [orderId],
    });
    const order = rows[0];
    if (!order) throw new HttpError(404, `no order ${orderId}`);
    const lines = newLines(items, await loadSkus(client, items), order.last_line + 1);
    await insertLines(client, orderId, lines);
    if (denormalize) {
      await appendToView(client, orderId, order.version, lines);
      await lockCustomer(client, order.customer_id);
      await refreshAccountView(client, order.customer_id);
    }
    return { id: orderId, version: order.version };
  });
}

async function lockCustomer(client: pg.ClientBase, customerId: number): Promise<void> {
  await client.query({
    name: 'orders-customer-lock-only',
    text: 'SELECT 1 FROM customers WHERE id = $1 FOR NO KEY UPDATE',
    values: [customerId],
  });
}

async function appendToView(
  client: pg.ClientBase,
  orderId: number,
  version: number,
  lines: readonly NewLine[],
) {
  const { rows } = await client.query<{ doc: OrderView }>({
    name: 'orders-lock-view',
    text: 'SELECT doc FROM order_views WHERE order_id = $1 FOR UPDATE',
    values: [orderId],
  });
  const doc = rows[0]?.doc;
  if (!doc) throw new Error(`order ${orderId} has no order_views row (was it written with db=normalized?)`);
  const { lines: oldLines, totalCents: _total, ...order } = doc;
  const view = withLines({ ...order, version }, [...oldLines, ...lines.map(lineView)]);
  await client.query({
    name: 'orders-update-view',
    text: 'UPDATE order_views SET version = $2, doc = $3 WHERE order_id = $1',
    values: [orderId, version, JSON.stringify(view)],
  });
}
