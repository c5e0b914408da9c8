import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../helpers/cli.ts';
import { shardResults } from '../../unit/shard/bench-shard-fixture.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-merge-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, index: number, count: number): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(shardResults(index, count, [1, 2, 3])));
  return path;
}

describe('scalebench merge', () => {
  it('prints the merged summary table and can print the merged results as JSON', async () => {
    const files = [await write('a.json', 0, 2), await write('b.json', 1, 2)];
    const table = await runCliInProcess(['merge', ...files]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^merged 2 shards\nrequests {8}6 in 2\.00 s\n/);
    expect(table.stdout).toContain('latency (ms)');
    const json = await runCliInProcess(['merge', ...files, '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ kind: 'bench', mergedFrom: 2, summary: { requests: 6 } });
  });

  it.each([
    [
      'a shard given twice',
      [
        ['a.json', 0, 2],
        ['b.json', 0, 2],
      ],
      /b\.json and .*a\.json are both shard 0\/2/,
    ],
    ['a shard missing', [['a.json', 0, 2]], /1 of 2 shards given: shard 1\/2 missing/],
  ] as const)('%s: exit 2, one line with a hint', async (_label, specs, message) => {
    const files = [];
    for (const [name, index, count] of specs) files.push(await write(name, index, count));
    const result = await runCliInProcess(['merge', ...files]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/SB_ERR_RESULTS_FILE.*hint: /);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it('an unknown --format is a one-line input error', async () => {
    const result = await runCliInProcess(['merge', await write('a.json', 0, 1), '--format', 'xml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--format 'xml' is unknown/);
  });
});
