/**
 * A server that closes the connection after every response makes the raw client reconnect for each
 * request: every reconnect offers the session the server last gave out, and the server resumes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawHttpClient } from '../../../load/http/raw-client.ts';
import { serverPerTest } from '../../fixtures/engine/server-per-test.ts';
import { makeTestCertificates, type TestCertificates } from '../../helpers/test-certificates.ts';
import { startSecureServer } from './fixtures/secure-servers.ts';

const perTest = serverPerTest();
let certs: TestCertificates;
beforeAll(async () => {
  certs = await makeTestCertificates();
});
afterAll(() => certs.remove());

describe('the raw client over TLS', () => {
  it('resumes its TLS session on every reconnect', async () => {
    const server = perTest(await startSecureServer('https', certs.valid, { closeEachResponse: true }));
    const ca = await import('node:fs/promises').then((fs) => fs.readFile(certs.caFile, 'utf8'));
    const client = new RawHttpClient({ origin: server.url, connections: 1, timeoutMs: 5000, tls: { ca } });
    try {
      const prepared = client.prepare({ method: 'GET', path: '/' }, true);
      for (let i = 0; i < 6; i += 1) {
        const result = await client.send(prepared);
        expect(result.status).toBe(200);
        expect(result.body.toString()).toBe('hello\n');
        // a fresh connection each time: its handshake is a phase of this request
        expect(result.tlsHandshaking).toBeGreaterThan(0);
      }
      expect(client.tls!.handshakes).toBe(6);
      expect(client.tls!.resumed).toBe(5);
      expect(server.counts.requests).toBe(6);
    } finally {
      await client.close();
    }
  });
});
