/**
 * A flow against node:https, node:http2 (TLS) and node:http2 (h2c) servers: what the engine counted per
 * status, the body bytes it read, and the protocol it recorded agree with what each server says it
 * served; TLS clients send the URL's host name as SNI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoad } from '../../../load/engine/run-load.ts';
import { defineFlow } from '../../../load-model/flows/define-flow.ts';
import { serverPerTest } from '../../fixtures/engine/server-per-test.ts';
import { makeTestCertificates, type TestCertificates } from '../../helpers/test-certificates.ts';
import { LENIENT } from '../engine/fixtures/test-server.ts';
import { type ServerKind, startSecureServer } from './fixtures/secure-servers.ts';

const perTest = serverPerTest();
let certs: TestCertificates;
beforeAll(async () => {
  certs = await makeTestCertificates();
});
afterAll(() => certs.remove());

const pages = defineFlow({
  name: 'pages',
  async iteration(vu) {
    await vu.request('page', { path: '/' }, { checks: { 'page body': (r) => r.text().length === 6 } });
    await vu.request(
      'big',
      { path: '/big' },
      { checks: { 'big body': (r) => r.text().length === 32 * 1024 } },
    );
    await vu.request('missing', { path: '/missing' });
  },
});

async function agree(kind: ServerKind, http2: boolean, protocol: string) {
  const server = perTest(await startSecureServer(kind, certs.valid));
  const outcome = await runLoad({
    baseUrl: server.url,
    executor: { executor: 'constant-arrival-rate', rate: 40, duration: '1s', preAllocatedVUs: 4, maxVUs: 40 },
    flow: pages,
    saturation: LENIENT,
    ...(kind === 'https' || kind === 'h2' ? { tls: { caFile: certs.caFile } } : {}),
    ...(http2 ? { http2: true } : {}),
  });
  const { summary } = outcome;
  const served = server.counts;
  // an arrival that found no free VU on a loaded machine is dropped, never sent: n iterations ran
  const n = summary.iterations;
  expect(outcome.protocol).toBe(protocol);
  expect(n).toBeGreaterThan(0);
  expect(n + summary.droppedIterations).toBe(40);
  expect(summary.requests).toBe(served.requests);
  expect(served.byStatus).toEqual({ 200: 2 * n, 404: n });
  expect(summary.errorsByClass).toEqual({ status_4xx: served.byStatus[404] });
  // every body byte the server sent was read: the checks saw whole bodies
  expect(summary.checks).toEqual({
    'page body': { passes: n, fails: 0 },
    'big body': { passes: n, fails: 0 },
  });
  expect(served.bodyBytes).toBe(n * (6 + 32 * 1024 + 3));
  expect(summary.phases?.waiting.count).toBe(served.requests);
  return served;
}

describe('flows against node:https and node:http2 servers count what the servers served', () => {
  it('HTTP/1.1 over TLS (node:https), SNI from the URL', async () => {
    const served = await agree('https', false, 'http/1.1');
    expect(served.versions).toEqual({ '1.1': served.requests });
    expect([...served.servernames]).toEqual(['localhost']);
  });

  it('HTTP/2 over TLS (node:http2, ALPN)', async () => {
    const served = await agree('h2', true, 'h2');
    expect(served.versions).toEqual({ '2.0': served.requests });
    expect([...served.servernames]).toEqual(['localhost']);
  });

  it('h2c (node:http2 without TLS)', async () => {
    const served = await agree('h2c', true, 'h2c');
    expect(served.versions).toEqual({ '2.0': served.requests });
  });
});
