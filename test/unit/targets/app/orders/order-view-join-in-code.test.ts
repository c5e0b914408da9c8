import { describe, expect, it } from 'vitest';
import { lineView, orderFromJoinedRows, withLines } from '../../../../../targets/app/orders/order-view.ts';

const createdAt = new Date('2024-01-01T00:01:00.000Z');
const row = (lineNo: number, skuId: number, qty: number, price: number) => ({
  id: 9,
  version: 2,
  created_at: createdAt,
  customer_id: 4,
  customer_name: 'Ada Lovelace #4',
  line_no: lineNo,
  sku_id: skuId,
  sku_name: `Sku ${skuId}`,
  qty,
  unit_price_cents: price,
});

describe('orders assembled in code', () => {
  it('builds the same document from joined rows as from the rows a write has in hand', () => {
    const fromRows = orderFromJoinedRows([row(1, 3, 2, 150), row(2, 5, 1, 999)]);
    const fromWrite = withLines(
      { id: 9, version: 2, customer: { id: 4, name: 'Ada Lovelace #4' }, createdAt: createdAt.toISOString() },
      [
        lineView({ lineNo: 2, sku: { id: 5, name: 'Sku 5', price_cents: 999 }, qty: 1 }),
        lineView({ lineNo: 1, sku: { id: 3, name: 'Sku 3', price_cents: 150 }, qty: 2 }),
      ],
    );
    expect(fromRows).toEqual(fromWrite);
    expect(fromRows?.totalCents).toBe(2 * 150 + 999);
    expect(fromRows?.lines.map((line) => line.lineNo)).toEqual([1, 2]);
  });

  it('answers undefined for an order without rows', () => {
    expect(orderFromJoinedRows([])).toBeUndefined();
  });
});
