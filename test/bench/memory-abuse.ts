/**
 * (e) Memory and time under abuse: the peak RSS and the time to end of `scalebench bench` asked for
 * 10 000 connections (or what the open-file limit allows) and for 1e6 requests/s, each for 5 s, against
 * the minimal node:http target; plus 100 connections, to derive the cost of one connection. Bounds: RSS
 * under BASE_MIB + PER_CONNECTION_KIB per socket, and the end within duration + timeout + 5 s.
 */
import { fileURLToPath } from 'node:url';
import { FD_RESERVE } from '../../load/engine/feasibility.ts';
import { readOpenFileLimit } from '../../load/engine/open-file-limit.ts';
import type { Benchmark, Verdict } from './support/benchmark.ts';
import { runToEnd } from './support/child.ts';
import { rssMiB } from './support/proc-stat.ts';
import { fmt, printTable } from './support/table.ts';
import { startNodeTarget } from './support/targets.ts';

const SCALEBENCH_BIN = fileURLToPath(new URL('../../bin/scalebench.js', import.meta.url));
const SECONDS = 5;
const TIMEOUT_S = 10;
/** The stated bounds (docs/benchmarks.md): a bench process's own base plus a cost per open socket. */
export const BASE_MIB = 200;
export const PER_CONNECTION_KIB = 24;
/** The open model's default VU (and socket) ceiling. */
const MAX_DEFAULT_VUS = 10_000;

interface Abused {
  label: string;
  args: string[];
  sockets: number;
}

async function measure(
  url: string,
  { args }: Abused,
): Promise<{ peakMiB: number; seconds: number; code: number | null }> {
  const { child, done } = runToEnd(
    'scalebench bench',
    process.execPath,
    [SCALEBENCH_BIN, 'bench', url, ...args, '--duration', `${SECONDS}s`, '--warmup', '0s'],
    (SECONDS + TIMEOUT_S + 60) * 1000,
  );
  // timed from the plan line, printed just before the run starts (tsx start-up is not the run's)
  let started = Date.now();
  child.stdout?.once('data', () => {
    started = Date.now();
  });
  let peakMiB = 0;
  const sampler = setInterval(() => {
    peakMiB = Math.max(peakMiB, rssMiB(child.pid!) ?? 0);
  }, 100);
  const { code } = await done.finally(() => clearInterval(sampler));
  return { peakMiB, seconds: (Date.now() - started) / 1000, code };
}

async function run(): Promise<Verdict[]> {
  const limit = readOpenFileLimit();
  const connections = Math.min(10_000, limit === null ? 10_000 : limit.soft - FD_RESERVE);
  const cases: Abused[] = [
    { label: '100 connections', args: ['--connections', '100'], sockets: 100 },
    {
      label: `${connections} connections`,
      args: ['--connections', String(connections)],
      sockets: connections,
    },
    {
      label: '1e6 requests/s asked',
      args: ['--rate', '1e6'],
      sockets: Math.min(connections, MAX_DEFAULT_VUS),
    },
  ];
  const target = await startNodeTarget();
  const rows: { abused: Abused; peakMiB: number; seconds: number; code: number | null }[] = [];
  try {
    for (const abused of cases) rows.push({ abused, ...(await measure(target.url, abused)) });
  } finally {
    await target.stop();
  }
  const bound = (sockets: number) => BASE_MIB + (sockets * PER_CONNECTION_KIB) / 1024;
  const timeBound = SECONDS + TIMEOUT_S + 5;
  printTable(
    `Abuse: peak RSS and time to end of scalebench bench, ${SECONDS} s against node:http`,
    ['asked', 'peak RSS MiB', 'bound MiB', 'run took s', 'exit'],
    rows.map(({ abused, peakMiB, seconds, code }) => [
      abused.label,
      fmt(peakMiB, 1),
      fmt(bound(abused.sockets), 0),
      fmt(seconds, 1),
      String(code),
    ]),
  );
  const [small, large] = rows;
  const perConnectionKiB = (((large?.peakMiB ?? 0) - (small?.peakMiB ?? 0)) * 1024) / (connections - 100);
  process.stdout.write(
    `cost of one connection: ${fmt(perConnectionKiB, 1)} KiB (bound ${PER_CONNECTION_KIB} KiB)\n`,
  );
  return rows.slice(1).map(({ abused, peakMiB, seconds }) => ({
    bench: 'memory-abuse',
    target: `${abused.label}: RSS ≤ ${fmt(bound(abused.sockets), 0)} MiB, ends ≤ ${timeBound} s`,
    met: peakMiB <= bound(abused.sockets) && seconds <= timeBound,
    detail: `${fmt(peakMiB, 1)} MiB, ${fmt(seconds, 1)} s (one connection ≈ ${fmt(perConnectionKiB, 1)} KiB)`,
  }));
}

export const memoryAbuse: Benchmark = {
  name: 'memory-abuse',
  describe: `peak RSS and time to end at 10k connections and at 1e6 requests/s asked, ${SECONDS} s each`,
  run,
};
