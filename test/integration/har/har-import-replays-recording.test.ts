/**
 * A HAR recorded against a local service becomes a flow that runs as it is: `scalebench import har`
 * writes it, `scalebench run` replays it against the same service (cookies from the jar, think times),
 * and the per-step counts agree with the service's own log. The order id the service returned is marked
 * where a capture is needed; a request to another origin is skipped.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readResultsFile } from '../../../results/files.ts';
import type { SuiteResults } from '../../../results/schema.ts';
import { externalExperiment, writeConfig } from '../../fixtures/run/write-config.ts';
import { runCliInProcess } from '../../helpers/cli.ts';
import { startServer, type TestServer } from '../engine/fixtures/test-server.ts';
import { recordHar } from './fixtures/record-har.ts';

let server: TestServer;
let dir: string | undefined;
const log: string[] = [];

beforeEach(async () => {
  log.length = 0;
  server = await startServer((req, res, body) => {
    const session = /sid=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
    log.push(`${req.method} ${req.url}${session ? ' (session)' : ''}`);
    res.setHeader('content-type', 'application/json');
    if (req.method === 'POST' && req.url === '/login') {
      res.setHeader('set-cookie', `sid=s-${log.length}; Path=/; HttpOnly`);
      res.end(JSON.stringify({ user: JSON.parse(body).user, token: 'a1b2c3d4e5f6a7b8c9d0e1f2' }));
    } else if (!session) {
      res.statusCode = 401;
      res.end('{"error":"log in first"}');
    } else if (req.method === 'POST' && req.url === '/orders') {
      res.statusCode = 201;
      res.end(JSON.stringify({ id: 4711, status: 'pending' }));
    } else if (req.url === '/orders/4711') {
      res.end(JSON.stringify({ id: 4711, status: 'done' }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
});
afterEach(async () => {
  await server.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('scalebench import har', () => {
  it('writes a flow that replays the recording against the service', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    const har = (await recordHar(origin, [
      {
        method: 'POST',
        path: '/login',
        headers: { 'content-type': 'application/json' },
        body: '{"user":"ada"}',
      },
      {
        method: 'POST',
        path: '/orders',
        headers: { 'content-type': 'application/json' },
        body: '{"sku":1}',
        thinkMs: 60,
      },
      { path: '/orders/4711', thinkMs: 30 },
    ])) as { log: { entries: unknown[] } };
    har.log.entries.push({
      startedDateTime: new Date().toISOString(),
      time: 1,
      request: { method: 'GET', url: 'http://cdn.example.invalid/app.js', headers: [] },
      response: { status: 200, headers: [], content: { text: '' } },
    });
    const config = await writeConfig([], 'sb-har-');
    dir = config.dir;
    const harFile = join(dir, 'recording.har');
    await writeFile(harFile, JSON.stringify(har));
    expect(log).toHaveLength(3);
    log.length = 0;

    const imported = await runCliInProcess(['import', 'har', harFile, '--out', 'flows/recorded.ts'], {
      cwd: dir,
    });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(
      /^wrote .*flows\/recorded\.ts: 3 requests to http:\/\/127\.0\.0\.1:\d+, 1 on other origins skipped; \d+ value\(s\) marked/,
    );
    expect(imported.stdout).toContain("exportName: 'recordedFlow'");
    const code = await readFile(join(dir, 'flows', 'recorded.ts'), 'utf8');
    expect(code).toMatch(
      /\/\/ capture needed: "4711" in the path came from the response of request 2 \(POST \/orders\), json:id/,
    );
    expect(code).toMatch(/await vu\.sleep\(\d+\); \/\/ think time, as recorded/);
    expect(code).toContain('skipped (another origin): GET http://cdn.example.invalid/app.js');
    expect(code).not.toMatch(/"cookie"/); // the session cookie came from a response: the jar sends it

    const flowFile = join(dir, 'flows', 'recorded.ts');
    const run = await writeConfig(
      [
        externalExperiment(
          'replay',
          `${origin}/`,
          { rate: 4, duration: '1s', warmup: '0s' },
          {
            flow: { module: flowFile, exportName: 'recordedFlow' },
            // a busy shared machine must not fail the run for the generator's sake: this test is about the replay
            saturation: { maxScheduleLagP99Ms: 1e9, maxEventLoopDelayP99Ms: 1e9 },
            thresholds: {
              'http_req_failed{name:GET /orders/:id}': ['rate==0'],
              'http_req_duration{name:POST /login}': ['p(95)<2000'],
            },
          },
        ),
      ],
      'sb-har-run-',
    );
    try {
      const out = join(run.dir, 'out');
      const result = await runCliInProcess(
        ['run', 'replay', '--quick', '--config', run.file, '--out', out, '--format', 'json', '-q'],
        { cwd: run.dir, extraEnv: { GITHUB_STEP_SUMMARY: undefined } },
      );
      expect(result.code, result.stderr).toBe(0);
      const results = (await readResultsFile(join(out, 'results.json'))) as SuiteResults;
      const variant = results.experiments[0]!.variants[0]!;
      const steps = Object.fromEntries(variant.trials[0]!.summary.steps.map((s) => [s.name, s]));
      const count = (line: string) => log.filter((entry) => entry === line).length;
      expect(steps['POST /login']!.requests).toBe(count('POST /login') + count('POST /login (session)'));
      expect(steps['POST /orders']!.requests).toBe(count('POST /orders (session)'));
      expect(steps['GET /orders/:id']!.requests).toBe(count('GET /orders/4711 (session)'));
      expect(steps['GET /orders/:id']!.requests).toBeGreaterThan(0);
      expect(variant.trials[0]!.summary.errors).toBe(0);
      expect(variant.thresholds.map((t) => t.passed)).toEqual([true, true]);
    } finally {
      await rm(run.dir, { recursive: true, force: true });
    }
  }, 120_000);

  it.each([
    ['not JSON', 'this is not json', /recording\.har is not JSON/],
    ['no entries', JSON.stringify({ log: { entries: [] } }), /recording\.har has no entries/],
  ])('a HAR file that is %s: one line, a hint, exit 2', async (_label, text, message) => {
    const config = await writeConfig([], 'sb-har-bad-');
    dir = config.dir;
    const file = join(dir, 'recording.har');
    await writeFile(file, text);
    const result = await runCliInProcess(['import', 'har', file, '--out', 'flows/x.ts'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/hint: /);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
