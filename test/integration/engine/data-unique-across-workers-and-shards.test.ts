/**
 * vu.data(file, 'unique'): two shards of two worker threads each never use the same row; a data file
 * that cannot be used (missing) stops the run with an input error instead of counting flow errors.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runLoad, runPlan } from '../../../load/engine/run-load.ts';
import { shardLoadPlan } from '../../../load/shard/shard-load.ts';
import { assertLoadPlan } from '../../../load-model/plan/compile-plan.ts';
import type { LoadRunOptions } from '../../../load-model/types.ts';
import { serverPerTest } from '../../fixtures/engine/server-per-test.ts';
import { LENIENT, startServer } from './fixtures/test-server.ts';

const perTest = serverPerTest();
const flow = {
  module: fileURLToPath(new URL('./fixtures/data-user-flow.ts', import.meta.url)),
  exportName: 'dataUserFlow',
};
let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('unique data rows', () => {
  it('are used at most once across --workers 2 and 2 shards', async () => {
    const seen: string[] = [];
    const server = perTest(
      await startServer((req, res) => {
        seen.push(req.url!);
        res.end('ok');
      }),
    );
    dir = await mkdtemp(join(tmpdir(), 'sb-unique-'));
    const file = join(dir, 'users.csv');
    await writeFile(file, `id,name\n${Array.from({ length: 200 }, (_, i) => `${i},user${i}`).join('\n')}\n`);
    const load: LoadRunOptions = {
      baseUrl: server.url,
      executor: { executor: 'constant-arrival-rate', rate: 60, duration: '1s', preAllocatedVUs: 10 },
      warmup: 0,
      workers: 2,
      flow,
      flowParams: { file, mode: 'unique' },
      saturation: LENIENT,
    };
    let iterations = 0;
    for (const index of [0, 1]) {
      const outcome = await runPlan(shardLoadPlan(assertLoadPlan(load), { index, count: 2 }));
      expect(outcome.counters['flowErrors'] ?? 0).toBe(0);
      iterations += outcome.summary.iterations;
    }
    expect(seen.length).toBe(iterations);
    expect(new Set(seen).size).toBe(seen.length);
    // each of the four threads took rows from its own quarter: row i belongs to thread i mod 4
    const threads = new Set(seen.map((url) => Number(url.split('/').at(-1)) % 4));
    expect(threads).toEqual(new Set([0, 1, 2, 3]));
  });

  it('a missing data file stops the run with an input error', async () => {
    const server = perTest(await startServer((_req, res) => res.end('ok')));
    await expect(
      runLoad({
        baseUrl: server.url,
        executor: { executor: 'constant-vus', vus: 2, duration: '5s' },
        flow,
        flowParams: { file: '/nonexistent/users.csv', mode: 'sequential' },
        saturation: LENIENT,
      }),
    ).rejects.toMatchObject({ message: 'vu.data: cannot read /nonexistent/users.csv (ENOENT)', exitCode: 2 });
  });
});
