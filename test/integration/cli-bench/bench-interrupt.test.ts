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
});

describe('Ctrl-C during scalebench bench', () => {
  it('stops early, prints the summary and still writes the partial results file', async () => {
    let received = 0;
    const controller = new AbortController();
    server = await startServer((_req, res) => {
      received += 1;
      if (received === 20) controller.abort();
      res.end('ok');
    });
    dir = await mkdtemp(join(tmpdir(), 'sb-bench-'));
    const file = join(dir, 'partial.json');
    const result = await runCliInProcess(
      ['bench', server.url, '--rate', '50', '--duration', '60s', '--warmup', '0s', '--json', file, '--quiet'],
      { controller },
    );
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/interrupted/);
    expect(result.stdout).toMatch(/requests\s+\d+/);
    const parsed = benchResultsSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    expect(parsed.options['interrupted']).toBe(true);
    expect(parsed.summary.requests).toBeGreaterThanOrEqual(20);
    expect(parsed.summary.requests).toBeLessThan(3000);
    expect(parsed.summary.durationSeconds).toBeLessThan(30);
  });
});
