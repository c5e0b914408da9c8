import { describe, expect, it } from 'vitest';
import { seedSpecKey } from '../../../../targets/app/orders/seed-data.ts';
import { parseSeedSpec } from '../../../../targets/database/seed-spec.ts';

const spec = { customers: 30, skus: 12, orders: 50, maxLines: 4, seed: 7 };

describe('the orders seed spec', () => {
  it('is keyed by its spec and parsed from ORDERS_SEED with every problem listed', () => {
    expect(seedSpecKey(spec)).toBe('v2:c=30,s=12,o=50,l=4,seed=7');
    expect(parseSeedSpec('customers=30,skus=12,orders=50,maxLines=4,seed=7')).toEqual(spec);
    expect(() => parseSeedSpec('orders=0,colour=blue')).toThrow(/orders=0 .*unknown key 'colour'/);
  });
});
