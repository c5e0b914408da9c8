/**
 * Per-step histograms merge exactly across worker threads and shards: two shards of two workers each
 * run a two-step flow; merged like `scalebench merge` does, each step's count and service-time
 * percentiles equal those of every request of that step, as the flow itself recorded them.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runPlan } from '../../../load/engine/run-load.ts';
import { shardLoadPlan } from '../../../load/shard/shard-load.ts';
import { assertLoadPlan } from '../../../load-model/plan/compile-plan.ts';
import type { LoadRunOptions } from '../../../load-model/types.ts';
import { collectEnvironment } from '../../../results/environment.ts';
import { createHistogram, decodeHistogram, recordMs } from '../../../results/histogram.ts';
import { mergeBenchResults } from '../../../results/merge.ts';
import type { BenchResults } from '../../../results/schema.ts';
import { SCHEMA_VERSION } from '../../../results/schema-version.ts';
import { serverPerTest } from '../../fixtures/engine/server-per-test.ts';
import { LENIENT, startServer } from './fixtures/test-server.ts';

const perTest = serverPerTest();
let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('per-step histograms across --workers 2 and 2 shards', () => {
  it('merged p50/p99/max of each step equal those of all requests of that step', async () => {
    let served = 0;
    const server = perTest(
      await startServer((req, res) => {
        served += 1;
        // checkout waits a few ms, spread out, so its percentiles differ from login's
        const delay = req.url?.startsWith('/checkout') ? 2 + (served % 7) : 0;
        setTimeout(() => res.end('ok'), delay);
      }),
    );
    dir = await mkdtemp(join(tmpdir(), 'sb-steps-'));
    const file = join(dir, 'raw.txt');
    const load: LoadRunOptions = {
      baseUrl: server.url,
      executor: { executor: 'constant-arrival-rate', rate: 80, duration: '1s', preAllocatedVUs: 20 },
      warmup: 0,
      workers: 2,
      flow: {
        module: fileURLToPath(new URL('./fixtures/step-timing-flow.ts', import.meta.url)),
        exportName: 'stepTimingFlow',
      },
      flowParams: { file },
      saturation: LENIENT,
    };
    const shards: BenchResults[] = [];
    for (const index of [0, 1]) {
      const shard = { index, count: 2 };
      const outcome = await runPlan(shardLoadPlan(assertLoadPlan(load), shard));
      shards.push({
        schemaVersion: SCHEMA_VERSION,
        kind: 'bench',
        createdAt: new Date().toISOString(),
        options: { workers: 2 },
        environment: collectEnvironment(process.cwd()),
        summary: outcome.summary,
        histograms: outcome.histograms,
        series: outcome.series,
        shard,
      });
    }
    const merged = mergeBenchResults(shards.map((results, i) => ({ name: `shard-${i}`, results })));

    const truth = new Map([
      ['login', createHistogram()],
      ['checkout', createHistogram()],
    ]);
    for (const line of (await readFile(file, 'utf8')).trim().split('\n')) {
      const [step, ms] = line.split(' ');
      recordMs(truth.get(step!)!, Number(ms));
    }
    expect(merged.summary.steps.map((step) => step.name).sort()).toEqual(['checkout', 'login']);
    for (const step of merged.summary.steps) {
      const expected = truth.get(step.name)!;
      expect(step.requests).toBe(expected.totalCount);
      const service = decodeHistogram(step.histograms!.service);
      expect(service.totalCount).toBe(expected.totalCount);
      for (const p of [50, 90, 99, 100]) {
        expect(service.getValueAtPercentile(p), `${step.name} p${p}`).toBe(expected.getValueAtPercentile(p));
      }
      expect(step.latency!.service.p99).toBe(expected.getValueAtPercentile(99) / 1000);
      expect(decodeHistogram(step.histograms!.response).totalCount).toBe(expected.totalCount);
    }
    expect(merged.summary.requests).toBe(served);
    expect(truth.get('login')!.totalCount).toBeGreaterThan(0);
  });
});
