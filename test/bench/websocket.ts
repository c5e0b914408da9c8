/**
 * WebSocket (issue 25): (a) reply-latency accuracy against a `ws` echo server that freezes 700 ms every
 * 3.5 s, 10 sockets × 50 msg/s (500 msg/s, open model per socket): p90/p99/p99.9 against the true values
 * from the schedule and the server's freeze log, target ±10%; (b) messages per generator CPU-second,
 * echo over 100 sockets, two ways: in this process after start-up (the steady state: scalebench's load
 * engine at 100 msg/s per socket against a bare `ws` client loop that sends on each echo and measures
 * nothing, target ≥ 0.8×, each of --rounds N measured again, the median judged; plus the same bare
 * clients paced like scalebench on one timer, which shows what pacing costs apart from the engine), and
 * as whole processes the way a user runs them, start-up included (`scalebench bench ws://…` from dist/
 * against Artillery 2's `artillery run` with its ws engine, each socket sending on each echo; user + sys
 * of each process tree, messages counted by the echo server; target ≥ 3×; --rounds N alternates the
 * order, the median judged). Artillery is found or installed at bench time (support/artillery.ts); when
 * it cannot be had, the target is skipped, not met. Measured on the 2-core shared VM (--rounds 3, load
 * average 1–2.5) with the send ticker: accuracy +1.5% / +0.8% / +0.4%; in-process 30 182 msg per CPU-s,
 * median 0.37× the send-on-echo loop (0.46× at --seconds 15) and 0.76× the paced one (0.89×): ~28–33 µs
 * a paced message, pacing alone ~21–28 µs here against the floor's ~13; whole process median 1.47×
 * Artillery 2.0.21 at 5 s, 1.63× at 15 s — both targets not met (docs/websocket-sse.md); (c) RSS of a
 * `scalebench bench` process holding 10 000 idle sockets (10 s; --long: 30 s), target ≤ 400 MiB: 214 MiB.
 */

import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { runLoad } from '../../load/engine/run-load.ts';
import { findArtillery } from './support/artillery.ts';
import { bareWsLoop, pacedWsLoop } from './support/bare-ws-loop.ts';
import { type Benchmark, type BenchOptions, median, type Verdict } from './support/benchmark.ts';
import { REPO_ROOT, startChild, tsNodeArgs } from './support/child.ts';
import { SCALEBENCH_BIN } from './support/cli-process.ts';
import { monotonicMs } from './support/monotonic.ts';
import { rssMiB } from './support/proc-stat.ts';
import { fmt, printTable } from './support/table.ts';
import { type Freeze, percentileOfSorted, trueResponseTimes } from './support/true-latency.ts';
import {
  perCpuSecond,
  type WholeProcess,
  wholeProcessDetail,
  wholeProcessPair,
} from './support/ws-whole-process.ts';

const SERVER = fileURLToPath(new URL('./support/ws-echo-server.ts', import.meta.url));
const NO_GUARD = { maxScheduleLagP99Ms: 1e9, maxEventLoopDelayP99Ms: 1e9 };

async function accuracy(): Promise<Verdict[]> {
  const seconds = 14;
  const server = await startChild(
    'ws freeze server',
    process.execPath,
    tsNodeArgs(SERVER, ['3500', '700', '1750']),
  );
  const url = `ws://127.0.0.1:${server.ready['port']}/`;
  let outcome: Awaited<ReturnType<typeof runLoad>>;
  const startAt = monotonicMs();
  try {
    outcome = await runLoad({
      baseUrl: url,
      executor: { executor: 'constant-vus', vus: 10, duration: seconds * 1000 },
      warmup: 0,
      timeout: 5000,
      websocket: { message: 'scalebench', ratePerSocket: 50, holdMs: 0 },
      saturation: NO_GUARD,
    });
  } finally {
    await server.stop();
  }
  const freezes = server.lines.flatMap((line) => (line['freeze'] ? [line['freeze'] as Freeze] : []));
  const reply = outcome.summary.latency;
  const truth = trueResponseTimes(
    { startAt, ratePerSecond: 500, durationSeconds: seconds },
    freezes,
    reply.service.p50,
  );
  const rows: string[][] = [];
  const verdicts: Verdict[] = [];
  for (const [label, p, value] of [
    ['p50', 50, reply.response.p50],
    ['p90', 90, reply.response.p90],
    ['p99', 99, reply.response.p99],
    ['p99.9', 99.9, reply.response.p999],
  ] as const) {
    const real = percentileOfSorted(truth, p);
    const error = ((value - real) / real) * 100;
    rows.push([label, fmt(real), fmt(value), `${fmt(error, 1)}%`]);
    if (p >= 90)
      verdicts.push({
        bench: 'websocket',
        target: `ws_reply ${label} within ±10% of true`,
        met: Math.abs(error) <= 10,
        detail: `${fmt(value)} vs true ${fmt(real)} ms (${fmt(error, 1)}%), ${freezes.length} freezes, ${outcome.summary.requests} replies, valid ${outcome.summary.valid}`,
      });
  }
  printTable(
    'WebSocket reply latency (ms) under 700 ms freezes every 3.5 s, 500 msg/s',
    ['', 'true', 'scalebench', 'error'],
    rows,
  );
  return verdicts;
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

const SOCKETS = 100;
const RATE_PER_SOCKET = 100;
const MESSAGE = 'scalebench';

interface SteadyRun {
  messages: number;
  cpuSeconds: number;
}

/** One round in this process, after start-up: scalebench's engine, the bare loop, the paced bare loop. */
interface SteadyRound {
  ours: SteadyRun;
  bare: SteadyRun;
  paced: SteadyRun;
}

async function measured(run: () => Promise<number>): Promise<SteadyRun> {
  const cpu = cpuMs();
  const messages = await run();
  return { messages, cpuSeconds: (cpuMs() - cpu) / 1000 };
}

/** Odd rounds measure scalebench first, even ones last (the server warms up in the first run). */
async function steadyRound(url: string, seconds: number, round: number): Promise<SteadyRound> {
  const ours = () =>
    measured(async () => {
      const outcome = await runLoad({
        baseUrl: url,
        executor: { executor: 'constant-vus', vus: SOCKETS, duration: seconds * 1000 },
        warmup: 0,
        websocket: { message: MESSAGE, ratePerSocket: RATE_PER_SOCKET, holdMs: 0 },
        saturation: NO_GUARD,
      });
      return outcome.summary.requests;
    });
  const first = round % 2 === 1 ? await ours() : undefined;
  const bare = await measured(() => bareWsLoop(url, SOCKETS, seconds * 1000));
  const paced = await measured(() => pacedWsLoop(url, SOCKETS, seconds * 1000, RATE_PER_SOCKET));
  return { ours: first ?? (await ours()), bare, paced };
}

const ratioTo = (run: SteadyRun, peer: SteadyRun) => perCpuSecond(run) / perCpuSecond(peer);

function steadyDetail(steady: SteadyRound[], counted: number): string {
  const toBare = steady.map((round) => ratioTo(round.ours, round.bare));
  const toPaced = steady.map((round) => ratioTo(round.ours, round.paced));
  const each = (ratios: number[]) =>
    ratios.length > 1 ? ` (rounds ${ratios.map((r) => fmt(r, 2)).join(', ')})` : '';
  const sum = (pick: (round: SteadyRound) => SteadyRun) => ({
    messages: steady.reduce((total, round) => total + pick(round).messages, 0),
    cpuSeconds: steady.reduce((total, round) => total + pick(round).cpuSeconds, 0),
  });
  return (
    `${fmt(perCpuSecond(sum((round) => round.ours)), 0)} vs ${fmt(perCpuSecond(sum((round) => round.bare)), 0)} msg/CPU-s: ` +
    `median ${fmt(median(toBare), 2)}×${each(toBare)}; against the bare loop paced like scalebench ` +
    `(${fmt(perCpuSecond(sum((round) => round.paced)), 0)} msg/CPU-s) median ${fmt(median(toPaced), 2)}×${each(toPaced)}; ` +
    `server counted ${counted} messages in these runs`
  );
}

async function countedSoFar(port: unknown): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/counted`);
  return ((await response.json()) as { messages: number }).messages;
}

function efficiencyRows(steady: SteadyRound[], whole: WholeProcess): string[][] {
  const row = (label: string, run: SteadyRun) => [
    label,
    String(run.messages),
    fmt(run.cpuSeconds, 2),
    fmt(perCpuSecond(run), 0),
  ];
  const rows: string[][] = [];
  steady.forEach((round, index) => {
    const suffix = steady.length > 1 ? `, round ${index + 1}` : '';
    rows.push(row(`scalebench in this process (100 msg/s per socket)${suffix}`, round.ours));
    rows.push(row(`bare ws loop in this process (send on echo)${suffix}`, round.bare));
    rows.push(row(`bare ws loop paced like scalebench (100 msg/s per socket)${suffix}`, round.paced));
  });
  const artillery = whole.state === 'measured' ? whole.artillery : 'Artillery 2';
  for (const run of whole.runs) {
    const label =
      run.generator === 'scalebench'
        ? 'scalebench bench CLI, whole process (100 msg/s per socket)'
        : `${artillery} CLI, whole process (send on echo)`;
    rows.push(row(whole.runs.length > 2 ? `${label}, round ${run.round}` : label, run));
  }
  if (whole.state === 'skipped') rows.push([`${artillery}: skipped`, '-', '-', '-']);
  return rows;
}

function artilleryVerdict(whole: WholeProcess): Verdict {
  const target = 'whole-process msg per CPU-second ≥ 3× Artillery 2';
  if (whole.state === 'skipped')
    return { bench: 'websocket', target, met: false, skipped: true, detail: whole.reason };
  return { bench: 'websocket', target, met: median(whole.ratios) >= 3, detail: wholeProcessDetail(whole) };
}

async function efficiency(seconds: number, rounds: number): Promise<Verdict[]> {
  const lookup = await findArtillery();
  if (lookup.state === 'missing') process.stdout.write(`websocket: Artillery 2 skipped: ${lookup.reason}\n`);
  const server = await startChild('ws echo server', process.execPath, tsNodeArgs(SERVER));
  const port = server.ready['port'];
  const url = `ws://127.0.0.1:${port}/`;
  const steady: SteadyRound[] = [];
  let whole: WholeProcess;
  let inProcess: number;
  try {
    for (let round = 1; round <= rounds; round += 1) {
      process.stdout.write(`websocket: in this process, round ${round} (3 × ${seconds} s)\n`);
      steady.push(await steadyRound(url, seconds, round));
    }
    const counted = () => countedSoFar(port);
    inProcess = await counted();
    whole = await wholeProcessPair(
      { url, sockets: SOCKETS, ratePerSocket: RATE_PER_SOCKET, seconds, rounds, message: MESSAGE, counted },
      lookup,
    );
  } finally {
    await server.stop();
  }
  const ratio = median(steady.map((round) => ratioTo(round.ours, round.bare)));
  printTable(
    `WebSocket echo over ${SOCKETS} sockets, ${seconds} s each: messages per generator CPU-second`,
    ['', 'messages', 'CPU s', 'msg / CPU s'],
    efficiencyRows(steady, whole),
  );
  return [
    {
      bench: 'websocket',
      target: 'messages per CPU-second ≥ 0.8× a bare ws loop',
      met: ratio >= 0.8,
      detail: steadyDetail(steady, inProcess),
    },
    artilleryVerdict(whole),
  ];
}

/** Peak RSS of a real `scalebench bench` holding `sockets` idle WebSockets for `seconds`. */
async function idleMemory(sockets: number, seconds: number): Promise<Verdict[]> {
  const server = await startChild('ws echo server', process.execPath, tsNodeArgs(SERVER));
  const url = `ws://127.0.0.1:${server.ready['port']}/`;
  let peak = 0;
  let output = '';
  try {
    const child = spawn(
      process.execPath,
      [
        SCALEBENCH_BIN,
        'bench',
        url,
        '--connections',
        String(sockets),
        '--ws-rate',
        '0',
        '--duration',
        `${seconds}s`,
        '--warmup',
        '0',
        '--quiet',
      ],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMiB(child.pid!) ?? 0);
    }, 500);
    await new Promise((resolve) => child.once('close', resolve));
    clearInterval(sampler);
  } finally {
    await server.stop();
  }
  const sessions = /ws_sessions\s+(\d+)/.exec(output)?.[1] ?? '0';
  const errors = /errors\s+(\d+.*)/.exec(output)?.[1] ?? '?';
  return [
    {
      bench: 'websocket',
      target: `${sockets} idle sockets held ${seconds} s: RSS ≤ 400 MiB`,
      met: peak <= 400 && Number(sessions) === sockets,
      detail: `peak RSS ${fmt(peak, 1)} MiB, ws_sessions ${sessions}, errors ${errors}`,
    },
  ];
}

async function run(options: BenchOptions): Promise<Verdict[]> {
  const started = performance.now();
  const verdicts = [
    ...(await accuracy()),
    ...(await efficiency(options.seconds ?? 5, options.rounds)),
    ...(await idleMemory(10_000, options.long ? 30 : 10)),
  ];
  process.stdout.write(`websocket: ${fmt((performance.now() - started) / 1000, 1)} s\n`);
  return verdicts;
}

export const websocket: Benchmark = {
  name: 'websocket',
  describe:
    'WebSocket: reply accuracy under freezes, messages per CPU-second vs a bare ws loop, RSS of 10 000 idle sockets',
  run,
};
