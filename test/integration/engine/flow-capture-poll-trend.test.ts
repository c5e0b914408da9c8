import { describe, expect, it } from 'vitest';
import { runLoad } from '../../../load/engine/run-load.ts';
import { serverPerTest } from '../../fixtures/engine/server-per-test.ts';
import { jobFlow, versionFlow } from './fixtures/shop-flows.ts';
import { startShop } from './fixtures/shop-server.ts';
import { LENIENT } from './fixtures/test-server.ts';

const perTest = serverPerTest();

describe('captures, polling, custom trends and shared flow state', () => {
  it('captures the job id, polls until done and records the job latency trend', async () => {
    const server = perTest(await startShop());
    const outcome = await runLoad({
      baseUrl: server.url,
      executor: {
        executor: 'constant-arrival-rate',
        rate: 10,
        duration: '1s',
        preAllocatedVUs: 5,
        maxVUs: 20,
      },
      flow: jobFlow,
      saturation: LENIENT,
    });
    expect(outcome.summary.iterations).toBe(10);
    // each job needs 3 polls before it reports done
    expect(outcome.summary.steps.map((s) => [s.name, s.requests])).toEqual([
      ['submit', 10],
      ['poll job', 30],
    ]);
    expect(outcome.trends['jobLatencyMs']?.count).toBe(10);
    expect(outcome.trends['jobLatencyMs']?.min).toBeGreaterThanOrEqual(40); // two 20 ms poll intervals
    expect(outcome.trendHistograms['jobLatencyMs']).toMatch(/^[A-Za-z0-9+/=]+$/);
    expect(outcome.counters['jobsTimedOut']).toBeUndefined();
  });

  it('flags stale reads against the versions all VUs acknowledged', async () => {
    const server = perTest(await startShop({ staleBy: 2 }));
    const outcome = await runLoad({
      baseUrl: server.url,
      executor: { executor: 'constant-vus', vus: 2, duration: '500ms' },
      flow: versionFlow,
      saturation: LENIENT,
    });
    expect(outcome.counters['staleReads']).toBeGreaterThan(0);
  });

  it('sees no stale reads when the target is consistent', async () => {
    const server = perTest(await startShop());
    const outcome = await runLoad({
      baseUrl: server.url,
      executor: { executor: 'constant-vus', vus: 2, duration: '500ms' },
      flow: versionFlow,
      saturation: LENIENT,
    });
    expect(outcome.summary.requests).toBeGreaterThan(10);
    expect(outcome.counters['staleReads']).toBeUndefined();
  });
});
