import { describe, expect, it } from 'vitest';
import { hostileGrpc, runGrpcAgainst } from './fixtures/hostile-grpc.ts';
import { TIME_BOUND_MS } from './fixtures/run-hostile.ts';

describe('an HTTP/2 server that answers gRPC calls with a web page', () => {
  it('counts every call as not_grpc, its own class, on time', async () => {
    const server = await hostileGrpc((stream) => {
      stream.respond({ ':status': 404, 'content-type': 'text/html' });
      stream.end('<html>not here</html>');
    });
    const { summary, elapsedMs } = await runGrpcAgainst(server.url);
    expect(summary.requests).toBe(6);
    expect(summary.errorsByClass).toEqual({ not_grpc: 6 });
    expect(elapsedMs).toBeLessThan(TIME_BOUND_MS);
  });
});
