import { describe, expect, it } from 'vitest';
import { hostileGrpc, runGrpcAgainst } from './fixtures/hostile-grpc.ts';
import { SHORT_TIMEOUT, TIME_BOUND_MS } from './fixtures/run-hostile.ts';

describe('a gRPC server that takes every call and never answers', () => {
  it('counts every call as DEADLINE_EXCEEDED at the deadline, on time', async () => {
    const server = await hostileGrpc(() => {});
    const { summary, elapsedMs } = await runGrpcAgainst(server.url, { timeout: SHORT_TIMEOUT });
    expect(summary.requests).toBe(6);
    expect(summary.errorsByClass).toEqual({ DEADLINE_EXCEEDED: 6 });
    expect(summary.latency.service.p50).toBeGreaterThanOrEqual(SHORT_TIMEOUT * 0.9);
    expect(elapsedMs).toBeLessThan(TIME_BOUND_MS);
  });
});
