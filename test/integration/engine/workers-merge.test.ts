import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runLoad } from '../../../load/engine/run-load.ts';
import { serverPerTest } from '../../fixtures/engine/server-per-test.ts';
import { twentyIterationsInOneSecond } from '../../fixtures/engine/twenty-iterations.ts';
import { startShop } from './fixtures/shop-server.ts';
import { LENIENT, startServer } from './fixtures/test-server.ts';

const perTest = serverPerTest();

describe('worker threads', () => {
  it('split the rate and merge into the count one thread would send', async () => {
    let received = 0;
    const server = perTest(
      await startServer((_req, res) => {
        received += 1;
        res.end('ok');
      }),
    );
    const options = {
      baseUrl: server.url,
      executor: { executor: 'constant-arrival-rate' as const, rate: 100, duration: '1s' },
      saturation: LENIENT,
    };
    const single = await runLoad(options);
    const points: number[] = [];
    const split = await runLoad(
      { ...options, workers: 2 },
      { onSecond: (point) => points.push(point.requests) },
    );
    expect(single.summary.requests).toBe(100);
    expect(split.summary.requests).toBe(single.summary.requests);
    expect(split.summary.latency.response.count).toBe(100);
    expect(split.summary.iterations).toBe(100);
    expect(received).toBe(200);
    expect(points.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('run a flow imported by module path in every worker', async () => {
    const server = perTest(await startShop());
    const outcome = await runLoad({
      baseUrl: server.url,
      executor: twentyIterationsInOneSecond,
      workers: 2,
      flow: {
        module: fileURLToPath(new URL('./fixtures/shop-flows.ts', import.meta.url)),
        exportName: 'cartFlow',
      },
      flowParams: { items: 1 },
      saturation: LENIENT,
    });
    expect(outcome.summary.iterations).toBe(20);
    expect(outcome.summary.checks['cart has exactly the added items']).toEqual({ passes: 20, fails: 0 });
  });

  it('report a missing flow export as a config error', async () => {
    const server = perTest(await startShop());
    await expect(
      runLoad({
        baseUrl: server.url,
        executor: { executor: 'constant-vus', vus: 2, duration: '200ms' },
        workers: 2,
        flow: {
          module: fileURLToPath(new URL('./fixtures/shop-flows.ts', import.meta.url)),
          exportName: 'nope',
        },
      }),
    ).rejects.toThrow(/no flow export named nope/);
  });
});
