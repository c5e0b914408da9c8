/**
 * The undici client stays the alternative over https: the same certificate checks (--ca), the same
 * counts as the server, the protocol recorded, and the phases it can see (waiting, receiving).
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

describe('--client undici over https', () => {
  it('trusts --ca, counts what the server served and records waiting and receiving', async () => {
    const server = perTest(await startSecureServer('https', certs.valid));
    const outcome = await runLoad({
      baseUrl: `${server.url}/`,
      executor: { executor: 'constant-vus', vus: 2, duration: '500ms' },
      client: 'undici',
      tls: { caFile: certs.caFile },
      saturation: LENIENT,
    });
    const { summary } = outcome;
    expect(outcome.protocol).toBe('http/1.1');
    expect(summary.errors).toBe(0);
    expect(summary.requests).toBeGreaterThan(0);
    expect(summary.requests).toBe(server.counts.requests);
    expect(summary.phases?.waiting.count).toBe(summary.requests);
  });

  it('refuses a self-signed certificate with class tls', async () => {
    const server = perTest(await startSecureServer('https', certs.selfSigned));
    const outcome = await runLoad({
      baseUrl: `${server.url}/`,
      executor: { executor: 'constant-vus', vus: 1, duration: '200ms' },
      client: 'undici',
      saturation: LENIENT,
    });
    expect(outcome.summary.requests).toBeGreaterThan(0);
    expect(outcome.summary.errorsByClass).toEqual({ tls: outcome.summary.requests });
  });
});
