/**
 * `bench https://…` whose first connection cannot be trusted, or that asks for HTTP/2 from a server that
 * speaks only HTTP/1.1, stops before load with one line naming the reason and a hint, exit 2; --insecure
 * accepts what the checks refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverPerTest } from '../../fixtures/engine/server-per-test.ts';
import { runCliInProcess } from '../../helpers/cli.ts';
import { makeTestCertificates, type TestCertificates } from '../../helpers/test-certificates.ts';
import { startSecureServer } from './fixtures/secure-servers.ts';

const perTest = serverPerTest();
let certs: TestCertificates;
beforeAll(async () => {
  certs = await makeTestCertificates();
});
afterAll(() => certs.remove());

const short = [
  ...['--duration', '300ms', '--warmup', '0s', '--rate', '20'],
  ...['--max-lag', '100000', '--max-loop-delay', '100000'],
];

async function refused(args: string[], code: string, message: RegExp, hint: RegExp) {
  const result = await runCliInProcess(['bench', ...args, ...short]);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(lines[0]).toContain(`(${code})`);
  expect(lines[0]).toMatch(hint);
}

describe('bench refuses an untrusted or mismatched server at the first connection', () => {
  it('a self-signed certificate without --insecure', async () => {
    const server = perTest(await startSecureServer('https', certs.selfSigned));
    await refused(
      [`${server.url}/`],
      'SB_ERR_TLS',
      /TLS handshake with localhost:\d+ failed: self-signed certificate/,
      /--ca FILE.*--insecure/,
    );
  });

  it('a certificate from another CA than --ca names', async () => {
    const server = perTest(await startSecureServer('https', certs.valid));
    await refused(
      [`${server.url}/`, '--ca', certs.selfSigned.cert],
      'SB_ERR_TLS',
      /failed: unknown CA/,
      /--ca FILE/,
    );
  });

  it('an expired certificate', async () => {
    const server = perTest(await startSecureServer('https', certs.expired));
    await refused(
      [`${server.url}/`, '--ca', certs.caFile],
      'SB_ERR_TLS',
      /failed: certificate expired/,
      /renew/,
    );
  });

  it('a certificate for another host name', async () => {
    const server = perTest(await startSecureServer('https', certs.otherHost));
    await refused(
      [`${server.url}/`, '--ca', certs.caFile],
      'SB_ERR_TLS',
      /failed: hostname mismatch/,
      /host name the certificate was issued for/,
    );
  });

  it('HTTP/2 asked of an HTTPS server that speaks only HTTP/1.1', async () => {
    const server = perTest(await startSecureServer('https', certs.valid));
    await refused(
      [`${server.url}/`, '--ca', certs.caFile, '--http2'],
      'SB_ERR_PROTOCOL',
      /does not speak HTTP\/2/,
      /drop --http2/,
    );
  });

  it('h2c asked of a cleartext HTTP/1.1 server', async () => {
    const server = perTest(await startSecureServer('http'));
    await refused(
      [`${server.url}/`, '--http2'],
      'SB_ERR_PROTOCOL',
      /does not speak HTTP\/2 over cleartext/,
      /drop --http2/,
    );
  });

  it('a CA file that does not exist, and --insecure on an http:// URL', async () => {
    const server = perTest(await startSecureServer('https', certs.valid));
    await refused(
      [`${server.url}/`, '--ca', '/nonexistent/ca.pem'],
      'SB_ERR_INVALID_ARGUMENT',
      /cannot read the CA file/,
      /PEM/,
    );
    await refused(
      ['http://127.0.0.1:1/', '--insecure'],
      'SB_ERR_INVALID_ARGUMENT',
      /apply to https:\/\/ URLs only/,
      /https:\/\//,
    );
  });

  it('--insecure accepts a self-signed and an expired certificate', async () => {
    for (const pair of [certs.selfSigned, certs.expired]) {
      const server = perTest(await startSecureServer('https', pair));
      const result = await runCliInProcess(['bench', `${server.url}/`, '--insecure', ...short]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(server.counts.requests).toBeGreaterThan(0);
    }
  });
});
