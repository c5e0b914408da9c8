/**
 * The order as clients see it, and the joins done in code: from the normalized query's rows (read path
 * of db=normalized|replica) or from the customer and SKU rows at hand when writing (db=denormalized).
 */

export interface OrderLineView {
  lineNo: number;
  productId: number;
  productName: string;
  qty: number;
  unitPriceCents: number;
  totalCents: number;
}

export interface OrderView {
  id: number;
  version: number;
  customer: { id: number; name: string };
  createdAt: string;
  lines: OrderLineView[];
  totalCents: number;
}

/** one row of the normalized read: orders ⋈ customers ⋈ order_lines ⋈ skus */
export interface JoinedRow {
  id: number;
  version: number;
  created_at: Date;
  customer_id: number;
  customer_name: string;
  line_no: number;
  sku_id: number;
  sku_name: string;
  qty: number;
  unit_price_cents: number;
}

export interface SkuRow {
  id: number;
  name: string;
  price_cents: number;
}

/** a line as written: which SKU, how many, at which price */
export interface NewLine {
  lineNo: number;
  sku: SkuRow;
  qty: number;
}

export function lineView(line: NewLine): OrderLineView {
  return {
    lineNo: line.lineNo,
    productId: line.sku.id,
    productName: line.sku.name,
    qty: line.qty,
    unitPriceCents: line.sku.price_cents,
    totalCents: line.qty * line.sku.price_cents,
  };
}

export function withLines(order: Omit<OrderView, 'lines' | 'totalCents'>, lines: OrderLineView[]): OrderView {
  const sorted = [...lines].sort((a, b) => a.lineNo - b.lineNo);
  return { ...order, lines: sorted, totalCents: sorted.reduce((sum, line) => sum + line.totalCents, 0) };
}

/** Assembles the rows of one order's normalized read; undefined when there are none. */
export function orderFromJoinedRows(rows: readonly JoinedRow[]): OrderView | undefined {
  const first = rows[0];
  if (!first) return undefined;
  const lines = rows.map((row) => ({
    lineNo: row.line_no,
    productId: row.sku_id,
    productName: row.sku_name,
    qty: row.qty,
    unitPriceCents: row.unit_price_cents,
    totalCents: row.qty * row.unit_price_cents,
  }));
  return withLines(
    {
      id: first.id,
      version: first.version,
      customer: { id: first.customer_id, name: first.customer_name },
      createdAt: first.created_at.toISOString(),
    },
    lines,
  );
}

export interface OrderSummary {
  id: number;
  version: number;
  lineCount: number;
  totalCents: number;
}

export function summarize(order: OrderView): OrderSummary {
  return {
    id: order.id,
    version: order.version,
    lineCount: order.lines.length,
    totalCents: order.totalCents,
  };
}
