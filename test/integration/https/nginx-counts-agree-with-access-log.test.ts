/**
 * Against a real nginx with TLS (a certificate the test made, trusted through --ca): HTTP/1.1 over TLS,
 * HTTP/2 by ALPN and h2c. What `bench` counted — requests, statuses, bytes — agrees with nginx's own
 * access log, and the results name the protocol that ran.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeHistogram } from '../../../results/histogram.ts';
import { benchResultsSchema } from '../../../results/schema.ts';
import { runCliInProcess } from '../../helpers/cli.ts';
import { requireTool, type SkippableContext } from '../../helpers/requires-tool.ts';
import { makeTestCertificates, type TestCertificates } from '../../helpers/test-certificates.ts';
import { SMALL_BODY, startTlsNginx, type TlsNginx } from '../../helpers/tls-nginx.ts';

let certs: TestCertificates;
let nginx: TlsNginx | undefined;
let dir: string;

beforeAll(async () => {
  certs = await makeTestCertificates();
  dir = await mkdtemp(join(tmpdir(), 'sb-https-nginx-'));
});
afterEach(async () => {
  await nginx?.stop();
  nginx = undefined;
});
afterAll(async () => {
  await certs.remove();
  await rm(dir, { recursive: true, force: true });
});

const lenient = ['--max-lag', '100000', '--max-loop-delay', '100000'];

async function benchAgainst(url: string, extra: string[], name: string) {
  const file = join(dir, `${name}.json`);
  const result = await runCliInProcess([
    'bench',
    `${url}/index.txt`,
    '--duration',
    '2s',
    '--warmup',
    '0s',
    '--connections',
    '4',
    '--json',
    file,
    ...lenient,
    ...extra,
  ]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return {
    stdout: result.stdout,
    results: benchResultsSchema.parse(JSON.parse(await readFile(file, 'utf8'))),
  };
}

async function countsAgree(
  ctx: SkippableContext,
  which: 'h1Url' | 'h2Url' | 'h2cUrl',
  extra: string[],
  protocol: string,
  logged: string,
) {
  nginx = await startTlsNginx(await requireTool(ctx, 'nginx'), certs.valid);
  const url = nginx[which];
  const { stdout, results } = await benchAgainst(url, extra, which);
  const port = Number(new URL(url).port);
  const mine = (await nginx.accessLog()).filter((line) => line.port === port);
  expect(results.protocol).toBe(protocol);
  expect(stdout).toContain(`protocol        ${protocol}`);
  expect(results.summary.errors).toBe(0);
  expect(results.summary.requests).toBeGreaterThanOrEqual(4); // one per connection at least
  expect(mine).toHaveLength(results.summary.requests);
  expect(mine.every((line) => line.status === 200 && line.protocol === logged)).toBe(true);
  const bytes = mine.reduce((sum, line) => sum + line.bodyBytes, 0);
  expect(bytes).toBe(results.summary.requests * SMALL_BODY.length);
  const phases = results.summary.phases!;
  expect(phases.waiting.count).toBe(results.summary.requests);
  expect(phases.connecting.count).toBe(results.summary.requests);
  return results;
}

describe('bench against nginx over TLS and HTTP/2: counts agree with the access log', () => {
  it('HTTP/1.1 over TLS (SNI localhost, the test CA through --ca)', async (ctx) => {
    const results = await countsAgree(ctx, 'h1Url', ['--ca', certs.caFile], 'http/1.1', 'HTTP/1.1');
    // 4 connections, each with one handshake: the first request on each waited for it, the rest
    // rode reused connections (a handshake of 0 at every percentile up to theirs)
    const handshakes = decodeHistogram(results.phaseHistograms!.tlsHandshaking);
    const reused = results.summary.requests - 4;
    expect(handshakes.totalCount).toBe(results.summary.requests);
    expect(handshakes.getValueAtPercentile((100 * reused) / results.summary.requests)).toBe(0);
    expect(handshakes.getValueAtPercentile(100)).toBeGreaterThan(0);
    expect(handshakes.minNonZeroValue).toBeGreaterThan(0);
  });

  it('HTTP/2 by ALPN', async (ctx) => {
    await countsAgree(
      ctx,
      'h2Url',
      ['--ca', certs.caFile, '--http2', '--max-streams', '5'],
      'h2',
      'HTTP/2.0',
    );
  });

  it('h2c with prior knowledge', async (ctx) => {
    await countsAgree(ctx, 'h2cUrl', ['--http2'], 'h2c', 'HTTP/2.0');
  });
});
