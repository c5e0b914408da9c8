/**
 * `bench --targets FILE` sends every target in turn (weights as turns), counts each under its own step
 * (ids grouped: /products/1 and /products/2 are one step), and agrees with what the server received.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BenchResults } from '../../../results/schema.ts';
import { runCliInProcess } from '../../helpers/cli.ts';
import { startServer, type TestServer } from '../engine/fixtures/test-server.ts';

let server: TestServer;
let dir: string;
const received: Record<string, number> = {};
const bodies: string[] = [];

beforeEach(async () => {
  for (const key of Object.keys(received)) delete received[key];
  server = await startServer((req, res, body) => {
    const key = `${req.method} ${req.url}`;
    received[key] = (received[key] ?? 0) + 1;
    if (req.method === 'POST') bodies.push(body);
    res.statusCode = req.url === '/missing' ? 404 : 200;
    res.end('ok');
  });
  dir = await mkdtemp(join(tmpdir(), 'sb-targets-'));
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('bench --targets', () => {
  it('sends each target its share and reports one step per target', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    await writeFile(join(dir, 'body.json'), '{"productId":1}');
    const file = join(dir, 'targets.txt');
    await writeFile(
      file,
      [
        `GET ${origin}/ weight=2`,
        `GET ${origin}/products/1`,
        `GET ${origin}/products/2`,
        `GET ${origin}/missing`,
        '',
        `POST ${origin}/cart name=add-to-cart`,
        'content-type: application/json',
        '@body.json',
      ].join('\n'),
    );
    const json = join(dir, 'out.json');
    const run = await runCliInProcess([
      'bench',
      '--targets',
      file,
      '--connections',
      '2',
      '--duration',
      '1s',
      '--warmup',
      '0s',
      '--max-lag',
      '100000',
      '--max-loop-delay',
      '100000',
      '--json',
      json,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Running 5 targets on http:\/\/127\.0\.0\.1:\d+ \(round-robin\)/);
    expect(run.stdout).toMatch(/step \(ms\) +requests +errors/);
    const results = JSON.parse(await readFile(json, 'utf8')) as BenchResults;
    const steps = Object.fromEntries(results.summary.steps.map((step) => [step.name, step]));
    expect(Object.keys(steps)).toEqual(['GET /', 'GET /products/:id', 'GET /missing', 'add-to-cart']);
    expect(steps['GET /']!.requests).toBe(received['GET /']);
    expect(steps['GET /products/:id']!.requests).toBe(
      (received['GET /products/1'] ?? 0) + (received['GET /products/2'] ?? 0),
    );
    expect(steps['GET /missing']!.errors).toEqual({ status_4xx: received['GET /missing'] });
    expect(steps['add-to-cart']!.requests).toBe(received['POST /cart']);
    expect(bodies.every((body) => body === '{"productId":1}')).toBe(true);
    const total = Object.values(received).reduce((a, b) => a + b, 0);
    expect(results.summary.requests).toBe(total);
    // 2 : 1 : 1 : 1 : 1 turns per cycle of 6, to within one cycle per connection
    expect(Math.abs(steps['GET /']!.requests - total / 3)).toBeLessThanOrEqual(12);
    expect(steps['GET /products/:id']!.latency!.response.count).toBe(steps['GET /products/:id']!.requests);

    const byStep = await runCliInProcess(['compare', json, json, '--step', 'add-to-cart'], {
      extraEnv: { GITHUB_STEP_SUMMARY: undefined },
    });
    expect(byStep.stdout).toContain('bench/add-to-cart');
    expect(byStep.code).toBe(3); // one trial a side: inconclusive, as for whole runs
    const unknown = await runCliInProcess(['compare', json, json, '--step', 'checkout']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /^error: --step: no step named 'checkout' in the results \(SB_ERR_INVALID_ARGUMENT\) — hint: steps are: GET \/, GET \/missing, GET \/products\/:id, add-to-cart\n$/,
    );
  });

  it('names the malformed line of a targets file: one line, exit 2', async () => {
    const file = join(dir, 'bad.txt');
    await writeFile(file, `GET http://127.0.0.1:${server.port}/\n\nGET\n`);
    const run = await runCliInProcess(['bench', '--targets', file, '--duration', '1s']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.txt:3: 'GET' is not a request line \(METHOD URL\).*hint: /);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(Object.keys(received)).toHaveLength(0);
  });
});
