import { describe, expect, it } from 'vitest';
import type { ProductPage } from '../../../targets/app/shop/product-query.ts';
import { shopAppPerTest } from '../../fixtures/shop/app-per-test.ts';
import { useSeededDatabase } from '../../fixtures/shop/seeded-database.ts';
import { post } from './shop-app.ts';

describe('product page and reviews with CACHE=none', () => {
  const database = useSeededDatabase();
  const startApp = shopAppPerTest();

  it('assembles the page from the database and bumps the version with each review', async () => {
    const app = await startApp({ SESSION: 'memory', CACHE: 'none', DATABASE_URL: database.url });
    const page = (await (await fetch(`${app.url}/products/42`)).json()) as ProductPage;
    expect(page).toMatchObject({ id: 42, version: 1, reviewCount: 4, category: 2 });
    expect(page.avgRating).toBeGreaterThanOrEqual(1);
    expect(page.recentReviews).toHaveLength(4);
    expect(page.recentReviews[0]?.author).toMatch(/^user-\d+$/);
    expect(page.similar).toHaveLength(5);
    expect(page.similar.map((p) => p.id)).not.toContain(42);

    const written = await post(`${app.url}/products/42/reviews`, { rating: 5, text: 'great', user: 'zoe' });
    expect(written.status).toBe(201);
    expect(await written.json()).toEqual({ version: 2 });
    const after = (await (await fetch(`${app.url}/products/42`)).json()) as ProductPage;
    expect(after).toMatchObject({ version: 2, reviewCount: 5 });
    expect(after.recentReviews[0]?.text).toBe('great');
    expect(app.counters.get('reviewsWritten')).toBe(1);
    expect(app.counters.get('dbQueries')).toBe(8);
    expect(app.counters.get('cacheHits') + app.counters.get('cacheMisses')).toBe(0);
  });

  it('answers 404 to an unknown product and 400 to a bad id or body, writing nothing', async () => {
    const app = await startApp({ SESSION: 'memory', CACHE: 'none', DATABASE_URL: database.url });
    expect((await fetch(`${app.url}/products/999999`)).status).toBe(404);
    expect((await fetch(`${app.url}/products/abc`)).status).toBe(400);
    expect((await fetch(`${app.url}/products/99999999999`)).status).toBe(400);
    expect((await post(`${app.url}/products/999999/reviews`, { rating: 3, text: 'x' })).status).toBe(404);
    expect((await post(`${app.url}/products/7/reviews`, '{"rating": 3,')).status).toBe(400);
    expect((await post(`${app.url}/products/7/reviews`, { rating: 6, text: 'x' })).status).toBe(400);
    expect((await post(`${app.url}/products/7/reviews`, { rating: 2.5, text: 'x' })).status).toBe(400);
    expect((await post(`${app.url}/products/7/reviews`, { rating: 3 })).status).toBe(400);
    expect(app.counters.get('reviewsWritten')).toBe(0);
    expect(await (await fetch(`${app.url}/products/7`)).json()).toMatchObject({ version: 1, reviewCount: 4 });
  });
});
