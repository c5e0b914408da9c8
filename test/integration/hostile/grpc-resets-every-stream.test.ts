import { constants } from 'node:http2';
import { describe, expect, it } from 'vitest';
import { hostileGrpc, runGrpcAgainst } from './fixtures/hostile-grpc.ts';
import { TIME_BOUND_MS } from './fixtures/run-hostile.ts';

describe('a gRPC server that resets every stream', () => {
  it('counts every call as reset, its own class, on time', async () => {
    const server = await hostileGrpc((stream) => stream.close(constants.NGHTTP2_INTERNAL_ERROR));
    const { summary, elapsedMs } = await runGrpcAgainst(server.url);
    expect(summary.requests).toBe(6);
    expect(summary.errorsByClass).toEqual({ reset: 6 });
    expect(server.streams).toBe(6);
    expect(elapsedMs).toBeLessThan(TIME_BOUND_MS);
  });
});
