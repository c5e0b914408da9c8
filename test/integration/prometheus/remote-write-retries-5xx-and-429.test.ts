/**
 * startPrometheusPush against a local endpoint that answers 503, then 429 with Retry-After, then 204:
 * the push is retried over the real HTTP client and delivered, every attempt carrying the target's
 * headers (Authorization, X-Scope-OrgID), and no warning is printed. An endpoint that answers 401 gets
 * one attempt and one "credentials refused" line with no secret in it.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startPrometheusPush } from '../../../exporters/prometheus/remote-write.ts';
import { bearerAuthorization } from '../../../exporters/prometheus/remote-write-target.ts';

const TOKEN = 'tok-retry-Qw9';
let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

async function endpoint(statuses: number[]): Promise<{ url: string; seen: IncomingHttpHeaders[] }> {
  const seen: IncomingHttpHeaders[] = [];
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen.push(req.headers);
      const status = statuses[Math.min(seen.length - 1, statuses.length - 1)]!;
      res.writeHead(status, status === 429 ? { 'retry-after': '0' } : {});
      res.end(status >= 400 ? `status ${status} ${req.headers.authorization ?? ''}` : '');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/api/v1/push`, seen };
}

function pusher(url: string, warnings: string[]) {
  const auth = bearerAuthorization(TOKEN);
  const push = startPrometheusPush({
    target: {
      url,
      headers: { Authorization: auth.header, 'X-Scope-OrgID': 'tenant-9' },
      tls: {},
      secrets: [auth.header, ...auth.secrets],
    },
    warn: (line) => warnings.push(line),
    intervalMs: 60_000,
    backoffMs: 10,
  });
  push.add({
    type: 'trial-done',
    experiment: 'bench',
    variant: 'v',
    trial: 0,
    t: 0,
    totals: {
      requests: 5,
      errors: 0,
      errorsByClass: {},
      correctness: {},
      iterations: 5,
      droppedIterations: 0,
      p50: 1,
      p90: 2,
      p99: 3,
    },
  });
  return push;
}

describe('remote write retries over HTTP', () => {
  it('503, then 429 with Retry-After, then delivered: three attempts with the headers, no warning', async () => {
    const { url, seen } = await endpoint([503, 429, 204]);
    const warnings: string[] = [];
    await pusher(url, warnings).close();
    expect(seen).toHaveLength(3);
    for (const headers of seen) {
      expect(headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(headers['x-scope-orgid']).toBe('tenant-9');
      expect(headers['content-encoding']).toBe('snappy');
    }
    expect(warnings).toEqual([]);
  });

  it('401: one attempt, one "credentials refused" line, the token nowhere in it', async () => {
    const { url, seen } = await endpoint([401]);
    const warnings: string[] = [];
    await pusher(url, warnings).close();
    expect(seen).toHaveLength(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('credentials refused (HTTP 401)');
    expect(warnings[0]).not.toContain(TOKEN);
  });

  it('a 400 that echoes the Authorization header: the warning shows *** instead of the token', async () => {
    const { url } = await endpoint([400]);
    const warnings: string[] = [];
    await pusher(url, warnings).close();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('rejected (HTTP 400: status 400 ***)');
    expect(warnings[0]).not.toContain(TOKEN);
  });
});
