/**
 * A certificate that fails its check while load runs (no probe first: a flow of `run`, or a server that
 * changed) fails each request with the error class `tls`, on the raw client and on the HTTP/2 client;
 * it is never retried as a stale keep-alive socket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoad } from '../../../load/engine/run-load.ts';
import { serverPerTest } from '../../fixtures/engine/server-per-test.ts';
import { makeTestCertificates, type TestCertificates } from '../../helpers/test-certificates.ts';
import { LENIENT } from '../engine/fixtures/test-server.ts';
import { startSecureServer } from './fixtures/secure-servers.ts';

const perTest = serverPerTest();
let certs: TestCertificates;
beforeAll(async () => {
  certs = await makeTestCertificates();
});
afterAll(() => certs.remove());

describe('TLS failures during load', () => {
  it.each([
    ['raw client', 'https', false],
    ['HTTP/2 client', 'h2', true],
  ] as const)('are counted as class tls (%s)', async (_name, kind, http2) => {
    const server = perTest(await startSecureServer(kind, certs.selfSigned));
    const outcome = await runLoad({
      baseUrl: `${server.url}/`,
      executor: {
        executor: 'constant-arrival-rate',
        rate: 20,
        duration: '500ms',
        preAllocatedVUs: 2,
        maxVUs: 10,
      },
      saturation: LENIENT,
      ...(http2 ? { http2: true } : {}),
    });
    const { summary } = outcome;
    expect(summary.requests).toBe(10);
    expect(summary.errorsByClass).toEqual({ tls: 10 });
    expect(server.counts.requests).toBe(0);
    expect(summary.phases).toBeUndefined();
  });
});
