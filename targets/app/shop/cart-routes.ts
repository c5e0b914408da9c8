/**
 * Log in and keep a cart: `POST /login {"user"}` sets the `sid` cookie; `POST /cart/items
 * {"productId"}` and `GET /cart` answer 401 without a session the store knows. With a page cost
 * (PAGE_COST_MS), both render the cart page as real CPU work (the async experiment's renderer), as a
 * server-rendered shop answers an add with the cart page too: every cart request costs its server the
 * same, so a round-robin balancer spreads the work evenly, whatever order a visit's requests come in.
 */
import type { Counters } from '../metrics.ts';
import { type AppRequest, HttpError, type Router } from '../router.ts';
import { renderReport } from '../work/render.ts';
import { bodyObject, intField, stringField } from './body.ts';
import { isSessionId, type SessionStore } from './sessions.ts';

export function registerCartRoutes(
  router: Router,
  store: SessionStore,
  counters: Counters,
  pageCostMs = 0,
): void {
  router.post('/login', async (req) => {
    const user = stringField(bodyObject(req.body), 'user', 200);
    const sid = await store.create(user);
    counters.inc('sessionsCreated');
    return {
      status: 200,
      json: { user },
      headers: { 'set-cookie': `sid=${sid}; Path=/; HttpOnly; SameSite=Lax` },
    };
  });

  router.post('/cart/items', async (req) => {
    const sid = requireSessionId(req, counters);
    const productId = intField(bodyObject(req.body), 'productId', 1, Number.MAX_SAFE_INTEGER);
    if (!(await store.addItem(sid, productId))) throw missingSession(counters);
    counters.inc('cartItemsAdded');
    if (pageCostMs > 0) renderReport(`cart:${sid}:${productId}`, pageCostMs);
    return { status: 200, json: { productId } };
  });

  router.get('/cart', async (req) => {
    const sid = requireSessionId(req, counters);
    const items = await store.items(sid);
    if (!items) throw missingSession(counters);
    if (pageCostMs > 0) renderReport(`cart:${items.join(',')}`, pageCostMs);
    return { status: 200, json: { items } };
  });
}

function requireSessionId(req: AppRequest, counters: Counters): string {
  const sid = req.cookies['sid'];
  if (!isSessionId(sid)) throw missingSession(counters);
  return sid;
}

function missingSession(counters: Counters): HttpError {
  counters.inc('sessionsMissing');
  return new HttpError(401, 'no valid session: POST /login first');
}
