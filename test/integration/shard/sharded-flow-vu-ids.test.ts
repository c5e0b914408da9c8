import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPlan } from '../../../load/engine/run-load.ts';
import { shardLoadPlan } from '../../../load/shard/shard-load.ts';
import { assertLoadPlan } from '../../../load-model/plan/compile-plan.ts';
import type { LoadRunOptions } from '../../../load-model/types.ts';
import { recorded, recordIdsFlow } from './fixtures/record-ids-flow.ts';

let server: Server;
let baseUrl: string;

beforeEach(async () => {
  server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const load = (flow: LoadRunOptions['flow'], key: string): LoadRunOptions => ({
  baseUrl,
  executor: { executor: 'constant-vus', vus: 5, duration: '300ms' },
  warmup: 0,
  flow,
  flowParams: { key },
  saturation: { maxScheduleLagP99Ms: 10_000, maxEventLoopDelayP99Ms: 10_000 },
});

async function idsPerShard(flow: LoadRunOptions['flow'], key: string): Promise<number[][]> {
  const all: number[][] = [];
  for (let index = 0; index < 2; index += 1) {
    const shardKey = `${key}-${index}`;
    const outcome = await runPlan(shardLoadPlan(assertLoadPlan(load(flow, shardKey)), { index, count: 2 }));
    expect(outcome.summary.requests).toBeGreaterThan(0);
    all.push([...recorded(shardKey).ids].sort((a, b) => a - b));
  }
  return all;
}

describe('each shard runs its flow with its own slice of VU ids', () => {
  it('a flow object: shard 0 of 2 sees 0, 2, 4 and shard 1 sees 1, 3', async () => {
    expect(await idsPerShard(recordIdsFlow, `object-${process.pid}`)).toEqual([
      [0, 2, 4],
      [1, 3],
    ]);
  });

  it('a flow module reference: the same slices, and the flow sees its own params only', async () => {
    const module = fileURLToPath(new URL('./fixtures/record-ids-flow.ts', import.meta.url));
    const key = `ref-${process.pid}`;
    expect(await idsPerShard({ module, exportName: 'recordIdsFlow' }, key)).toEqual([
      [0, 2, 4],
      [1, 3],
    ]);
    expect(recorded(`${key}-0`).sharedParams).toEqual([{ key: `${key}-0` }]);
  });
});
