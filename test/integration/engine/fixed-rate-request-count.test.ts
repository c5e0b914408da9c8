import { describe, expect, it } from 'vitest';
import { runLoad } from '../../../load/engine/run-load.ts';
import { serverPerTest } from '../../fixtures/engine/server-per-test.ts';
import { LENIENT, startServer } from './fixtures/test-server.ts';

const perTest = serverPerTest();

describe('open model at a fixed rate', () => {
  it('sends rate × duration requests (within 1%), warm-up left out of the summary, served-by counted', async () => {
    let received = 0;
    const server = perTest(
      await startServer((_req, res) => {
        received += 1;
        res.setHeader('x-served-by', 'app-1');
        res.end('ok');
      }),
    );
    const seconds: number[] = [];
    const outcome = await runLoad(
      {
        baseUrl: server.url,
        executor: { executor: 'constant-arrival-rate', rate: 200, duration: '2s' },
        warmup: '500ms',
        saturation: LENIENT,
      },
      { onSecond: (point) => seconds.push(point.second) },
    );
    const { summary } = outcome;
    expect(Math.abs(summary.requests - 400)).toBeLessThanOrEqual(4);
    expect(received).toBe(summary.requests + 100);
    expect(summary.errors).toBe(0);
    expect(summary.targetRate).toBe(200);
    expect(summary.achievedRate).toBeGreaterThan(198);
    expect(summary.achievedRate).toBeLessThan(202);
    expect(summary.servedBy).toEqual({ 'app-1': summary.requests });
    expect(summary.latency.response.count).toBe(summary.requests);
    expect(summary.latency.response.p50).toBeGreaterThanOrEqual(summary.latency.service.p50);
    expect(outcome.series[0]?.warmup).toBe(true);
    expect(outcome.series.reduce((sum, point) => sum + point.requests, 0)).toBe(received);
    expect(seconds.slice(0, 2)).toEqual([0, 1]);
  });
});
