/**
 * `bench --sse URL --trials 3` keeps the event-stream metrics: each trial's in results.json, the pooled
 * ones equal to their sum (histograms merged exactly) and to the streams the server opened.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeHistogram } from '../../../results/histogram.ts';
import { benchResultsSchema } from '../../../results/schema.ts';
import { runCliInProcess } from '../../helpers/cli.ts';

let server: Server | undefined;
let dir: string | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  if (dir) await rm(dir, { recursive: true, force: true });
  server = undefined;
  dir = undefined;
});

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe('bench --sse --trials 3 pools the event-stream metrics', () => {
  it('pooled counts are the sum of the trials’ and the streams the server opened', async () => {
    let streams = 0;
    server = createServer((request, response) => {
      streams += 1;
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      const timer = setInterval(() => response.write(`data: {"ts":${Date.now()}}\n\n`), 20);
      request.on('close', () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    dir = await mkdtemp(join(tmpdir(), 'sb-sse-trials-'));
    const file = join(dir, 'out.json');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
    const result = await runCliInProcess([
      'bench',
      '--sse',
      url,
      '--trials',
      '3',
      '--connections',
      '2',
      '--duration',
      '700ms',
      '--warmup',
      '0',
      '--json',
      file,
      '--max-lag',
      '100000',
      '--max-loop-delay',
      '100000',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const results = benchResultsSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    const trials = results.trials ?? [];
    expect(trials).toHaveLength(3);
    for (const name of ['sse_streams', 'sse_events']) {
      const perTrial = trials.map((trial) => trial.flowCounters?.[name] ?? 0);
      expect(results.flowCounters?.[name]).toBe(sum(perTrial));
    }
    expect(results.flowCounters?.['sse_streams']).toBe(streams);
    expect(results.flowCounters?.['sse_events']).toBeGreaterThan(30);
    for (const name of ['sse_first_event', 'sse_event_latency']) {
      const perTrial = trials.map((trial) => decodeHistogram(trial.trends![name]!.histogram).totalCount);
      expect(decodeHistogram(results.trends![name]!.histogram).totalCount).toBe(sum(perTrial));
      expect(results.trends![name]!.stats.count).toBe(sum(perTrial));
    }
    expect(results.trends?.['sse_first_event']?.stats.count).toBe(streams);
    expect(result.stdout).toMatch(new RegExp(`sse_streams\\s+${streams}\\n`));
    expect(result.stdout).toMatch(/sse_first_event\s+6\s/);
  });
});
