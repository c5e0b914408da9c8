/**
 * `bench ws://… --trials 3` keeps the WebSocket metrics: each trial's in results.json, the pooled ones
 * at the top equal to their sum (histograms merged exactly) and to what the server counted (the `ws`
 * echo fixture's counters; Debian's libwebsockets-test-server's write log), and the terminal summary
 * prints them as a single run does.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeHistogram } from '../../../results/histogram.ts';
import { benchResultsSchema } from '../../../results/schema.ts';
import { runCliInProcess } from '../../helpers/cli.ts';
import { requireSetup } from '../../helpers/requires-tool.ts';
import { startWsServer, type TestWsServer } from './ws-servers.ts';

const LWS = '/usr/bin/libwebsockets-test-server';

let server: TestWsServer | undefined;
let lws: ChildProcess | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  lws?.kill('SIGKILL');
  lws = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  server = undefined;
  dir = undefined;
});

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

const lenient = ['--max-lag', '100000', '--max-loop-delay', '100000'];

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

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
      ...lenient,
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

  it('libwebsockets-test-server: pooled messages received are the trials’ sum and its write log’s', async (ctx) => {
    requireSetup(ctx, existsSync(LWS), {
      name: 'libwebsockets-test-server',
      install: 'apt-get install libwebsockets-test-server',
    });
    const port = await freePort();
    const child = spawn(LWS, [`--port=${port}`, '-d', '1039'], { stdio: ['ignore', 'pipe', 'pipe'] });
    lws = child;
    let log = '';
    child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    while (!log.includes(`port ${port},`)) await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 200));
    dir = await mkdtemp(join(tmpdir(), 'sb-lws-trials-'));
    const file = join(dir, 'out.json');
    const result = await runCliInProcess([
      'bench',
      `ws://127.0.0.1:${port}/`,
      '--trials',
      '3',
      '--connections',
      '2',
      '--ws-rate',
      '0',
      '--ws-subprotocol',
      'dumb-increment-protocol',
      '--duration',
      '700ms',
      '--warmup',
      '0',
      '--json',
      file,
      ...lenient,
    ]);
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('close', resolve));
    expect(result.code).toBe(0);
    const results = benchResultsSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    const trials = results.trials ?? [];
    const received = trials.map((trial) => trial.flowCounters?.['ws_msgs_received'] ?? 0);
    expect(trials.map((trial) => trial.flowCounters?.['ws_sessions'])).toEqual([2, 2, 2]);
    expect(results.flowCounters?.['ws_sessions']).toBe(6);
    expect(results.flowCounters?.['ws_msgs_received']).toBe(sum(received));
    // one write per frame: a counter message is 2 header bytes + 1..3 digits; each session also ends
    // with a 4-byte close frame answering ours
    const writes = [...log.matchAll(/ssl_capable_write \((\d+)\) says/g)].map((m) => Number(m[1]));
    const small = writes.filter((size) => size >= 3 && size <= 5).length;
    expect(results.flowCounters?.['ws_msgs_received']).toBe(small - 6);
    expect(sum(received)).toBeGreaterThan(30);
    expect(results.trends?.['ws_session_duration']?.stats.count).toBe(6);
  });
});
