import { describe, expect, it } from 'vitest';
import { runLoad } from '../../../load/engine/run-load.ts';
import { serverPerTest } from '../../fixtures/engine/server-per-test.ts';
import { twentyIterationsInOneSecond } from '../../fixtures/engine/twenty-iterations.ts';
import { cartFlow } from './fixtures/shop-flows.ts';
import { startShop } from './fixtures/shop-server.ts';
import { LENIENT } from './fixtures/test-server.ts';

const perTest = serverPerTest();

describe('a multi-step flow with a cookie jar, checks and a correctness counter', () => {
  it('keeps the session cookie per VU and passes every check when the target keeps sessions', async () => {
    const server = perTest(await startShop());
    const outcome = await runLoad({
      baseUrl: server.url,
      executor: twentyIterationsInOneSecond,
      flow: cartFlow,
      flowParams: { items: 3 },
      saturation: LENIENT,
    });
    const { summary } = outcome;
    expect(summary.iterations).toBe(20);
    expect(summary.requests).toBe(20 * 5);
    expect(summary.errors).toBe(0);
    expect(summary.checks).toEqual({
      'login 200': { passes: 20, fails: 0 },
      'cart has exactly the added items': { passes: 20, fails: 0 },
    });
    expect(summary.steps.map((s) => [s.name, s.requests])).toEqual([
      ['login', 20],
      ['add item', 60],
      ['get cart', 20],
    ]);
    expect(outcome.counters['sessionsLost']).toBeUndefined();
  });

  it('counts lost sessions as failed checks and in the named counter', async () => {
    const server = perTest(await startShop({ loseEveryNthCart: 4 }));
    const outcome = await runLoad({
      baseUrl: server.url,
      executor: { executor: 'constant-vus', vus: 2, duration: '500ms' },
      flow: cartFlow,
      saturation: LENIENT,
    });
    const check = outcome.summary.checks['cart has exactly the added items']!;
    expect(check.fails).toBeGreaterThan(0);
    expect(outcome.counters['sessionsLost']).toBe(check.fails);
    expect(outcome.summary.errorsByClass['check']).toBe(check.fails);
    expect(outcome.summary.targetRate).toBeNull();
  });
});
