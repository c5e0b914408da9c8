import { afterEach, describe, expect, it } from 'vitest';
import { parsePrometheus } from '../../../targets/app/metrics.ts';
import type { RunningApp } from '../../../targets/app/server.ts';
import { login, post, startShopApp } from './shop-app.ts';

describe('the shop counters at /metrics', () => {
  let app: RunningApp | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('are listed as counters from the start and move with sessions and carts', async () => {
    app = await startShopApp({ SESSION: 'memory', CACHE: 'none' });
    const initial = await (await fetch(`${app.url}/metrics`)).text();
    expect(initial).toContain('# TYPE scalebench_cache_hits counter');
    expect(parsePrometheus(initial)).toMatchObject({
      scalebench_cache_hits: 0,
      scalebench_sessions_created: 0,
    });
    const cookie = await login(app.url);
    await post(`${app.url}/cart/items`, { productId: 5 }, cookie);
    await fetch(`${app.url}/cart`);
    const after = parsePrometheus(await (await fetch(`${app.url}/metrics`)).text());
    expect(after).toMatchObject({
      scalebench_sessions_created: 1,
      scalebench_cart_items_added: 1,
      scalebench_sessions_missing: 1,
      scalebench_db_queries: 0,
    });
  });
});
