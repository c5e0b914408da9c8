/**
 * Start-up: what a user waits for before scalebench does anything. `--help` wall time (spawn to exit,
 * median of several runs) and the time from spawning `scalebench bench` to the first request arriving
 * at a target (a node:http server in this process, on the same clock as the spawn). Targets: ≤ 200 ms
 * and ≤ 400 ms. Measures the built code (dist/), as `npm ci` or `npm install` leave it; a bare
 * `node -e 0` row shows what any Node program pays on this machine at the time.
 */
import { performance } from 'node:perf_hooks';
import { type Benchmark, type BenchOptions, median, type Verdict } from './support/benchmark.ts';
import { assertBuilt, timeCli, timeNode } from './support/cli-process.ts';
import { createMinimalServer, listenOnFreePort } from './support/minimal-server.ts';
import { fmt, printTable } from './support/table.ts';

const HELP_RUNS = 9;
const FIRST_REQUEST_RUNS = 5;
const HELP_TARGET_MS = 200;
const FIRST_REQUEST_TARGET_MS = 400;

/** wall ms of `--help`, and of a bare `node -e 0` in between (the floor on this machine right now) */
async function helpTimes(runs: number): Promise<{ help: number[]; bare: number[] }> {
  await timeCli(['--help']); // the first run pays for a cold file cache; users run it more than once
  const help: number[] = [];
  const bare: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    help.push(await timeCli(['--help']));
    bare.push(await timeNode(['-e', '0']));
  }
  return { help, bare };
}

/** ms from spawning `bench` to the first request reaching the target, once per run */
async function firstRequestTimes(runs: number): Promise<number[]> {
  let firstArrival: number | undefined;
  const server = createMinimalServer();
  server.on('request', () => {
    firstArrival ??= performance.now();
  });
  const port = await listenOnFreePort(server);
  const times: number[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      firstArrival = undefined;
      let spawnedAt = 0;
      const args = ['bench', `http://127.0.0.1:${port}/`, '--rate', '50', '--duration', '1s'];
      await timeCli([...args, '--warmup', '0s', '--quiet'], (at) => {
        spawnedAt = at;
      });
      if (firstArrival === undefined) throw new Error('bench sent no request');
      times.push(firstArrival - spawnedAt);
    }
  } finally {
    server.closeAllConnections();
    server.close();
  }
  return times;
}

async function run(options: BenchOptions): Promise<Verdict[]> {
  assertBuilt();
  const { help, bare } = await helpTimes(HELP_RUNS * options.rounds);
  const first = await firstRequestTimes(FIRST_REQUEST_RUNS * options.rounds);
  const row = (name: string, times: number[]) => [
    name,
    times.length,
    fmt(median(times), 0),
    fmt(Math.min(...times), 0),
    fmt(Math.max(...times), 0),
  ];
  printTable(
    'Start-up: wall ms from spawning node bin/scalebench.js',
    ['measure', 'runs', 'median ms', 'min ms', 'max ms'],
    [
      row('node -e 0 (bare Node, for scale)', bare),
      row('--help, to exit', help),
      row('bench, to its first request at the target', first),
    ],
  );
  return [
    {
      bench: 'startup',
      target: `scalebench --help ≤ ${HELP_TARGET_MS} ms wall (median)`,
      met: median(help) <= HELP_TARGET_MS,
      detail: `median ${fmt(median(help), 0)} ms over ${help.length} runs (${fmt(Math.min(...help), 0)}–${fmt(Math.max(...help), 0)})`,
    },
    {
      bench: 'startup',
      target: `bench: first request ≤ ${FIRST_REQUEST_TARGET_MS} ms after the start`,
      met: median(first) <= FIRST_REQUEST_TARGET_MS,
      detail: `median ${fmt(median(first), 0)} ms over ${first.length} runs (${fmt(Math.min(...first), 0)}–${fmt(Math.max(...first), 0)})`,
    },
  ];
}

export const startup: Benchmark = {
  name: 'startup',
  describe: 'wall time of scalebench --help, and from starting bench to its first request',
  run,
};
