import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOrderJoined, readOrderView } from '../../../targets/app/orders/reads.ts';
import { prepareOrdersDatabase } from '../../../targets/app/orders/seed.ts';
import type { RunningApp } from '../../../targets/app/server.ts';
import {
  createScratchDatabase,
  getJson,
  postJson,
  type ScratchDatabase,
  smallSeed,
  startOrdersApp,
  withClient,
} from './orders-db.ts';

describe('db=denormalized', () => {
  let db: ScratchDatabase;
  let app: RunningApp;

  beforeAll(async () => {
    db = await createScratchDatabase();
    await prepareOrdersDatabase(db.url, smallSeed);
    app = await startOrdersApp({ DB: 'denormalized', DATABASE_URL: db.url });
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('keeps every precomputed document equal to the normalized join after creates and updates', async () => {
    const created: { id: number; version: number }[] = [];
    for (let i = 0; i < 12; i += 1) {
      const items = [
        { productId: 1 + (i % smallSeed.skus), qty: 1 + (i % 3) },
        { productId: 1 + ((i * 7) % smallSeed.skus), qty: 2 },
      ];
      const answer = await postJson(`${app.url}/orders`, {
        customerId: 1 + (i % smallSeed.customers),
        items,
      });
      expect(answer.status).toBe(201);
      created.push(answer.body as { id: number; version: number });
    }
    for (const id of [created[0]!.id, created[5]!.id, 3, 77]) {
      const answer = await postJson(`${app.url}/orders/${id}/items`, { items: [{ productId: 4, qty: 3 }] });
      expect(answer.status).toBe(200);
      expect((answer.body as { version: number }).version).toBe(2);
    }

    const mismatches = await withClient(db.url, async (client) => {
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

    const read = await getJson(`${app.url}/orders/${created[5]!.id}`);
    expect(read.headers.get('x-read-path')).toBe('view');
    expect(read.body).toMatchObject({ id: created[5]!.id, version: 2 });
    expect((read.body as { lines: unknown[] }).lines).toHaveLength(3);
  });
});
