/**
 * One scalebench run (closed or open model) in its own process, with or without the live dashboard: with it, the
 * run's outputs start as `bench --dashboard` starts them (event bus, SSE server, events.ndjson), a
 * separate process holds the page's event stream open, and every finished second is published. A
 * 1 s run first loads and compiles the engine, unmeasured. Prints one JSON line: requests, seconds
 * published, and the process CPU spent during the measured run only.
 * Usage: node --import tsx dashboard-child.ts '<DashboardJob JSON>'
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CliContext } from '../../../cli/context.ts';
import { runLoad } from '../../../load/engine/run-load.ts';
import type { LoadRunOptions } from '../../../load-model/types.ts';
import { startLiveOutputs } from '../../../orchestration/live/live-outputs.ts';

export interface DashboardJob {
  url: string;
  durationSeconds: number;
  /** closed: 50 connections, as the efficiency benchmark; open: this rate, the same requests every run */
  model: 'closed' | 'open';
  rate: number;
  dashboard: boolean;
}

function loadOptions(job: DashboardJob): LoadRunOptions {
  const duration = `${job.durationSeconds}s`;
  return {
    baseUrl: job.url,
    executor:
      job.model === 'closed'
        ? { executor: 'constant-vus', vus: 50, duration }
        : { executor: 'constant-arrival-rate', rate: job.rate, duration, preAllocatedVUs: 50, maxVUs: 500 },
    timeout: '10s',
  };
}

export interface DashboardRunResult {
  requests: number;
  cpuSeconds: number;
  /** per-second records the page received */
  secondsStreamed: number;
}

/** an EventSource stand-in in another process: reads /events to the end, reports what it got */
const SSE_CLIENT = `
const response = await fetch(process.argv[1]);
console.log('open');
let seconds = 0;
for await (const chunk of response.body) seconds += (Buffer.from(chunk).toString().match(/"type":"second"/g) ?? []).length;
console.log(JSON.stringify({ seconds }));
`;

async function withDashboard(job: DashboardJob): Promise<DashboardRunResult> {
  const dir = await mkdtemp(join(tmpdir(), 'sb-bench-dashboard-'));
  let stdout = '';
  const controller = new AbortController();
  const ctx: CliContext = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    isTTY: false,
    signal: controller.signal,
    verbose: false,
    exitCode: 0,
  };
  const live = await startLiveOutputs(
    { dashboard: { port: 0, open: false, lingerMs: 0 }, prometheus: null },
    join(dir, 'events.ndjson'),
    ctx,
  );
  const url = /dashboard: (\S+)/.exec(stdout)![1]!;
  const client = spawn(process.execPath, ['--input-type=module', '-e', SSE_CLIENT, `${url}events`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let clientOut = '';
  await new Promise<void>((resolve, reject) => {
    client.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      clientOut += chunk;
      if (clientOut.includes('open')) resolve();
    });
    client.once('exit', (code) => reject(new Error(`SSE client exited (${code}) before it connected`)));
  });
  const clientDone = new Promise<void>((resolve) => client.once('exit', () => resolve()));
  const names = { experiment: 'bench', variant: job.url };
  live.publish({ type: 'trial-start', ...names, trial: 0, trials: 1 });
  const cpuBefore = process.cpuUsage();
  const outcome = await runLoad(loadOptions(job), {
    onSecond: (point) => live.publish({ type: 'second', ...names, trial: 0, point }),
  });
  const cpu = process.cpuUsage(cpuBefore);
  await live.finish(undefined, undefined, true);
  await clientDone;
  await rm(dir, { recursive: true, force: true });
  const streamed = JSON.parse(clientOut.trim().split('\n').at(-1)!) as { seconds: number };
  return {
    requests: outcome.summary.requests,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    secondsStreamed: streamed.seconds,
  };
}

async function without(job: DashboardJob): Promise<DashboardRunResult> {
  const cpuBefore = process.cpuUsage();
  const outcome = await runLoad(loadOptions(job));
  const cpu = process.cpuUsage(cpuBefore);
  return {
    requests: outcome.summary.requests,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    secondsStreamed: 0,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const job = JSON.parse(process.argv[2] ?? '{}') as DashboardJob;
  // the engine's modules loaded (through tsx) and compiled before anything is measured
  await runLoad(loadOptions({ ...job, durationSeconds: 1 }));
  const result = job.dashboard ? await withDashboard(job) : await without(job);
  process.stdout.write(`${JSON.stringify({ result })}\n`);
  process.exit(0);
}
