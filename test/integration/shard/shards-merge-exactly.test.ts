import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeHistogram, mergeHistograms } from '../../../results/histogram.ts';
import type { BenchResults } from '../../../results/schema.ts';
import { runCliInProcess, spawnCli } from '../../helpers/cli.ts';

const SHARDS = 3;
let server: Server;
let received = 0;
let dir: string;

beforeEach(async () => {
  received = 0;
  server = createServer((_req, res) => {
    received += 1;
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  dir = await mkdtemp(join(tmpdir(), 'sb-shard-'));
});
afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as BenchResults;

describe('N bench processes with --shard i/N against one target, merged', () => {
  it('merged count is the sum and merged percentiles are those of the union of the shards', async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    // the saturation guards are relaxed: 3 processes start at once on a 2-core machine
    const common = ['--rate', '90', '--duration', '2s', '--warmup', '0s', '--quiet', '--max-lag', '5000'];
    const runs = Array.from({ length: SHARDS }, (_, i) =>
      spawnCli([
        'bench',
        url,
        ...common,
        '--max-loop-delay',
        '5000',
        '--shard',
        `${i}/${SHARDS}`,
        '--json',
        join(dir, `shard-${i}.json`),
      ]),
    );
    const results = await Promise.all(runs.map((run) => run.result));
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    const shards = await Promise.all(runs.map((_, i) => readJson(join(dir, `shard-${i}.json`))));
    shards.forEach((shard, i) => {
      expect(shard.shard).toEqual({ index: i, count: SHARDS });
      expect(shard.summary.targetRate).toBeCloseTo(90 / SHARDS, 6);
    });

    const files = shards.map((_, i) => join(dir, `shard-${i}.json`)).reverse();
    const merge = await runCliInProcess(['merge', ...files, '--json', join(dir, 'merged.json')]);
    expect(merge.code, merge.stderr).toBe(0);
    expect(merge.stdout).toMatch(/^merged 3 shards\nrequests {8}(\d+) in/);
    const merged = await readJson(join(dir, 'merged.json'));

    const sum = shards.reduce((total, shard) => total + shard.summary.requests, 0);
    expect(merged.summary.requests).toBe(sum);
    expect(merged.summary.requests).toBe(received);
    expect(merged.summary.errors).toBe(0);
    expect(merged.mergedFrom).toBe(SHARDS);
    expect(merge.stdout).toContain(`requests        ${sum} in`);

    for (const kind of ['response', 'service', 'scheduleLag'] as const) {
      const union = mergeHistograms(shards.map((shard) => decodeHistogram(shard.histograms[kind])));
      const got = decodeHistogram(merged.histograms[kind]);
      expect(got.totalCount).toBe(sum);
      for (const percentile of [50, 90, 99, 99.9, 100]) {
        expect(got.getValueAtPercentile(percentile)).toBe(union.getValueAtPercentile(percentile));
      }
      expect(merged.summary.latency[kind].p99).toBe(union.getValueAtPercentile(99) / 1000);
    }
  });
});
