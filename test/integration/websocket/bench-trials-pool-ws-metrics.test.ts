/**
 * `bench ws://… --trials 3` keeps the WebSocket metrics: each trial's in results.json, the pooled ones
 * at the top equal to their sum (histograms merged exactly) and to what the echo server counted, and
 * the terminal summary prints them as a single run does.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeHistogram } from '../../../results/histogram.ts';
import { benchResultsSchema } from '../../../results/schema.ts';
import { runCliInProcess } from '../../helpers/cli.ts';
import { startWsServer, type TestWsServer } from './ws-servers.ts';

let server: TestWsServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  server = undefined;
  dir = undefined;
});

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe('bench ws:// --trials 3 pools the WebSocket metrics', () => {
  it('pooled counts are the sum of the trials’ and the server’s counts', async () => {
    server = await startWsServer();
    dir = await mkdtemp(join(tmpdir(), 'sb-ws-trials-'));
    const file = join(dir, 'out.json');
    const result = await runCliInProcess([
      'bench',
      server.url,
      '--trials',
      '3',
      '--connections',
      '3',
      '--ws-rate',
      '20',
      '--duration',
      '1s',
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
    const counted = (name: string) => trials.map((trial) => trial.flowCounters?.[name] ?? 0);
    for (const name of ['ws_sessions', 'ws_msgs_sent', 'ws_msgs_received'])
      expect(results.flowCounters?.[name]).toBe(sum(counted(name)));
    expect(counted('ws_sessions')).toEqual([3, 3, 3]);
    expect(results.flowCounters?.['ws_sessions']).toBe(server.sessions);
    expect(results.flowCounters?.['ws_msgs_sent']).toBe(server.messages);
    expect(results.flowCounters?.['ws_msgs_received']).toBe(server.messages);
    expect(server.messages).toBeGreaterThan(30);
    for (const name of ['ws_reply', 'ws_connecting', 'ws_session_duration']) {
      const pooled = results.trends?.[name];
      const perTrial = trials.map((trial) => decodeHistogram(trial.trends![name]!.histogram).totalCount);
      expect(decodeHistogram(pooled!.histogram).totalCount).toBe(sum(perTrial));
      expect(pooled!.stats.count).toBe(sum(perTrial));
      expect(pooled!.stats.max).toBe(Math.max(...trials.map((trial) => trial.trends![name]!.stats.max)));
    }
    expect(results.trends?.['ws_reply']?.stats.count).toBe(server.messages);
    expect(results.trends?.['ws_connecting']?.stats.count).toBe(server.sessions);
    expect(results.summary.requests).toBe(server.messages);
    expect(result.stdout).toMatch(new RegExp(`ws_sessions\\s+${server.sessions}\\n`));
    expect(result.stdout).toMatch(new RegExp(`ws_msgs_received\\s+${server.messages}\\n`));
    expect(result.stdout).toMatch(new RegExp(`ws_reply\\s+${server.messages}\\s`));
  });
});
