/**
 * `GET /products/:id` → the product page (at least id, version, reviewCount, avgRating);
 * `POST /products/:id/reviews {"rating": 1..5, "text"}` → 201 {"version"}, 400 on bad input, 404 on an
 * unknown product. The cache is invalidated after the write commits, before the client is answered.
 * With a page cost (PAGE_COST_MS) every read renders the page as real CPU work, cached or not, as a
 * server-rendered shop does with the data it read or found in its cache.
 */
import type pg from 'pg';
import type { Counters } from '../metrics.ts';
import { HttpError, type Router } from '../router.ts';
import { renderReport } from '../work/render.ts';
import { bodyObject, idParam, intField, stringField } from './body.ts';
import type { ProductStore } from './product-store.ts';
import { writeReview } from './review-write.ts';

export function registerProductRoutes(
  router: Router,
  pool: pg.Pool,
  products: ProductStore,
  counters: Counters,
  pageCostMs = 0,
): void {
  router.get('/products/:id', async (req) => {
    const id = idParam(req.params['id']);
    const page = await products.read(id);
    if (page === undefined) throw new HttpError(404, `no product ${id}`);
    if (pageCostMs > 0) renderReport(`product:${id}`, pageCostMs);
    return { status: 200, text: page, headers: { 'content-type': 'application/json' } };
  });

  router.post('/products/:id/reviews', async (req) => {
    const productId = idParam(req.params['id']);
    const body = bodyObject(req.body);
    const rating = intField(body, 'rating', 1, 5);
    const text = stringField(body, 'text', 2000);
    const user = typeof body['user'] === 'string' ? body['user'] : 'anonymous';
    const version = await writeReview(pool, { productId, rating, text, user });
    if (version === undefined) throw new HttpError(404, `no product ${productId}`);
    counters.inc('reviewsWritten');
    await products.invalidate(productId);
    return { status: 201, json: { version } };
  });
}
