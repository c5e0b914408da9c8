import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readOrderJoined, readOrderView } from '../../../targets/app/orders/reads.ts';
import { getJson, postJson, smallSeed, useSeededOrdersApp, withClient } from './orders-db.ts';

describe('db=denormalized', () => {
  const fixture = useSeededOrdersApp({ DB: 'denormalized' });

  it('keeps every precomputed document equal to the normalized join after creates and updates', async () => {
    const created: { id: number; version: number }[] = [];
    for (let i = 0; i < 12; i += 1) {
      const items = [
        { productId: 1 + (i % smallSeed.skus), qty: 1 + (i % 3) },
        { productId: 1 + ((i * 7) % smallSeed.skus), qty: 2 },
      ];
      const answer = await postJson(`${fixture.app.url}/orders`, {
        customerId: 1 + (i % smallSeed.customers),
        items,
      });
      expect(answer.status).toBe(201);
      created.push(answer.body as { id: number; version: number });
    }
    for (const id of [created[0]!.id, created[5]!.id, 3, 77]) {
      const answer = await postJson(`${fixture.app.url}/orders/${id}/items`, {
        items: [{ productId: 4, qty: 3 }],
      });
      expect(answer.status).toBe(200);
      expect((answer.body as { version: number }).version).toBe(2);
    }

    const mismatches = await withClient(fixture.db.url, async (client) => {
      const { rows } = await client.query<{ id: number }>('SELECT id FROM orders ORDER BY id');
      expect(rows.length).toBe(smallSeed.orders + 12);
      const wrong: number[] = [];
      for (const { id } of rows) {
        const joined = await readOrderJoined(client, id);
        const view = await readOrderView(client, id);
        if (!joined || !isDeepStrictEqual(joined, view)) wrong.push(id);
      }
      return wrong;
    });
    expect(mismatches).toEqual([]);

    const read = await getJson(`${fixture.app.url}/orders/${created[5]!.id}`);
    expect(read.headers.get('x-read-path')).toBe('view');
    expect(read.body).toMatchObject({ id: created[5]!.id, version: 2 });
    expect((read.body as { lines: unknown[] }).lines).toHaveLength(3);
  });
});
