import { describe, expect, it } from 'vitest';
import { type AccountView, readAccountJoined, readAccountView } from '../../../targets/app/orders/account.ts';
import { getJson, postJson, smallSeed, useSeededOrdersApp, withClient } from './orders-db.ts';

describe('db=denormalized account page', () => {
  const fixture = useSeededOrdersApp({ DB: 'denormalized' });

  it('is rebuilt by every write (concurrent ones too) and equals the normalized join', async () => {
    const placed = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        postJson(`${fixture.app.url}/orders`, {
          customerId: 1 + (i % 3),
          items: [{ productId: 1 + (i % smallSeed.skus), qty: 1 + (i % 3) }],
        }),
      ),
    );
    expect(placed.map((answer) => answer.status)).toEqual(placed.map(() => 201));
    // concurrent inserts take ids in any order: customer 1's newest order is the highest id placed for it
    const last = Math.max(
      ...placed.filter((_, i) => i % 3 === 0).map((answer) => (answer.body as { id: number }).id),
    );
    expect(
      (await postJson(`${fixture.app.url}/orders/${last}/items`, { items: [{ productId: 2, qty: 5 }] }))
        .status,
    ).toBe(200);

    const wrong = await withClient(fixture.db.url, async (client) => {
      const mismatches: number[] = [];
      for (let id = 1; id <= smallSeed.customers; id += 1) {
        const joined = await readAccountJoined(client, id);
        if (!joined || JSON.stringify(joined) !== JSON.stringify(await readAccountView(client, id)))
          mismatches.push(id);
      }
      return mismatches;
    });
    expect(wrong).toEqual([]);

    const page = await getJson(`${fixture.app.url}/customers/1`);
    expect(page.headers.get('x-read-path')).toBe('view');
    const account = page.body as AccountView;
    expect(account.lastOrderId).toBe(last);
    expect(account.recentOrders[0]).toMatchObject({ id: last, version: 2 });
  });
});
