import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { benchResultsSchema } from '../../../results/schema.ts';
import { runCliInProcess } from '../../helpers/cli.ts';
import { startServer, type TestServer } from '../engine/fixtures/test-server.ts';

let server: TestServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  server = undefined;
  dir = undefined;
});

const lenient = ['--max-lag', '100000', '--max-loop-delay', '100000'];

describe('scalebench bench writes a valid results file and prints a summary', () => {
  it('at a fixed rate, with headers and a body', async () => {
    const seen: string[] = [];
    server = await startServer((req, res, body) => {
      seen.push(`${req.method} ${req.url} ${req.headers['x-test']} ${body}`);
      res.setHeader('x-served-by', 'only');
      res.end('{}');
    });
    dir = await mkdtemp(join(tmpdir(), 'sb-bench-'));
    const file = join(dir, 'out.json');
    const result = await runCliInProcess([
      'bench',
      `${server.url}items?x=1`,
      '--rate',
      '50',
      '--duration',
      '1s',
      '--warmup',
      '200ms',
      '--method',
      'post',
      '--header',
      'x-test: yes',
      '--body',
      'hi',
      '--json',
      file,
      ...lenient,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Running POST http:\/\/127\.0\.0\.1:\d+\/items\?x=1: 50 iterations\/s for 1s/,
    );
    expect(result.stdout).toMatch(/requests\s+50 in 1\.00 s/);
    expect(result.stdout).toMatch(/schedule lag/);
    expect(result.stdout).toMatch(/valid\s+yes/);
    expect(seen[0]).toBe('POST /items?x=1 yes hi');
    const parsed = benchResultsSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    expect(parsed.summary.requests).toBe(50);
    expect(parsed.summary.servedBy).toEqual({ only: 50 });
    expect(parsed.environment.cores).toBeGreaterThan(0);
    expect(parsed.options['interrupted']).toBe(false);
  });

  it('in the closed model with --connections, quietly', async () => {
    server = await startServer((_req, res) => res.end('ok'));
    const result = await runCliInProcess([
      'bench',
      server.url,
      '--connections',
      '2',
      '--duration',
      '500ms',
      '--warmup',
      '0s',
      '--quiet',
      ...lenient,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/Running|req\/s \//);
    expect(result.stdout).toMatch(/^requests\s+\d+ in 0\.50 s/m);
  });

  it('marks a saturated run invalid, loudly, with exit 1', async () => {
    server = await startServer((_req, res) => res.end('ok'));
    const result = await runCliInProcess([
      'bench',
      server.url,
      '--rate',
      '20',
      '--duration',
      '500ms',
      '--warmup',
      '0s',
      '--quiet',
      '--max-lag',
      '0',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/valid\s+NO — schedule lag p99/);
    expect(result.stderr).toMatch(/RESULT INVALID: schedule lag p99 .* > 0 ms/);
  });
});
