import { describe, expect, it } from 'vitest';
import { generateSeedData, seedOrderView, seedSpecKey } from '../../../../targets/app/orders/seed-data.ts';
import { parseSeedSpec } from '../../../../targets/database/seed-spec.ts';

const spec = { customers: 30, skus: 12, orders: 50, maxLines: 4, seed: 7 };

describe('the orders seed', () => {
  it('is the same data for the same spec and different data for another seed', () => {
    expect(generateSeedData(spec)).toEqual(generateSeedData(spec));
    expect(generateSeedData({ ...spec, seed: 8 })).not.toEqual(generateSeedData(spec));
  });

  it('stays inside the spec: ids, line counts, prices taken from the SKU', () => {
    const data = generateSeedData(spec);
    for (const order of data.orders) {
      expect(order.customerId).toBeGreaterThanOrEqual(1);
      expect(order.customerId).toBeLessThanOrEqual(spec.customers);
      expect(order.lines.length).toBeGreaterThanOrEqual(1);
      expect(order.lines.length).toBeLessThanOrEqual(spec.maxLines);
      const view = seedOrderView(order, data.customers);
      expect(view.customer.name).toBe(data.customers[order.customerId - 1]!.name);
      expect(view.totalCents).toBe(order.lines.reduce((sum, l) => sum + l.qty * l.sku.price_cents, 0));
    }
  });

  it('is keyed by its spec and parsed from ORDERS_SEED with every problem listed', () => {
    expect(seedSpecKey(spec)).toBe('v1:c=30,s=12,o=50,l=4,seed=7');
    expect(parseSeedSpec('customers=30,skus=12,orders=50,maxLines=4,seed=7')).toEqual(spec);
    expect(() => parseSeedSpec('orders=0,colour=blue')).toThrow(/orders=0 .*unknown key 'colour'/);
  });
});
