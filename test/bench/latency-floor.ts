/**
 * (c) Latency floor at 100 req/s against nginx: scalebench's open-model p50 beside hey's
 * (`hey -q 100 -c 1`, open-ish: one worker ticking 100 times a second) and wrk's. Debian's wrk is
 * wrk 4 (no -R, that needs wrk2), so wrk's row is its closed-model latency with 1 connection, as a
 * reference only. Target: scalebench p50 within 0.1 ms of hey's.
 */
import type { Benchmark, BenchOptions, Verdict } from './support/benchmark.ts';
import { parseWrk, runExternal, runNodeGenerator } from './support/generators.ts';
import { startNginx } from './support/nginx.ts';
import { fmt, printTable } from './support/table.ts';
import { percentileOfSorted } from './support/true-latency.ts';

const RATE = 100;
const TOLERANCE_MS = 0.1;

interface FloorRow {
  generator: string;
  model: string;
  requests: number;
  p50: number;
  p90: number;
  p99: number;
  cpuSeconds: number;
}

/** hey -o csv: one line per request, response-time first, in seconds with 4 decimals (0.1 ms). */
export function heyLatenciesMs(csv: string): number[] {
  return csv
    .split('\n')
    .filter((line) => /^\d/.test(line))
    .map((line) => Number(line.split(',')[0]) * 1000)
    .sort((a, b) => a - b);
}

async function measureHey(url: string, seconds: number): Promise<FloorRow> {
  const run = await runExternal('hey', [
    '-q',
    String(RATE),
    '-c',
    '1',
    '-z',
    `${seconds}s`,
    '-o',
    'csv',
    url,
  ]);
  const values = heyLatenciesMs(run.output);
  return {
    generator: 'hey',
    model: `-q ${RATE} -c 1 (0.1 ms resolution)`,
    requests: values.length,
    p50: percentileOfSorted(values, 50),
    p90: percentileOfSorted(values, 90),
    p99: percentileOfSorted(values, 99),
    cpuSeconds: run.cpuSeconds,
  };
}

async function measureWrk(url: string, seconds: number): Promise<FloorRow> {
  const run = await runExternal('wrk', ['-t1', '-c1', `-d${seconds}s`, '--latency', url]);
  const figures = parseWrk(run.output);
  return {
    generator: 'wrk 4',
    model: 'closed, 1 connection (no -R)',
    ...figures,
    cpuSeconds: run.cpuSeconds,
  };
}

async function measureScalebench(url: string, seconds: number): Promise<FloorRow & { serviceP50: number }> {
  const result = await runNodeGenerator({
    tool: 'scalebench',
    url,
    durationSeconds: seconds,
    connections: 2,
    rate: RATE,
  });
  return {
    generator: 'scalebench',
    model: `open, ${RATE} req/s`,
    requests: result.requests,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    cpuSeconds: result.cpuSeconds,
    serviceP50: result.serviceP50 ?? Number.NaN,
  };
}

async function run(options: BenchOptions): Promise<Verdict[]> {
  const seconds = options.seconds ?? 10;
  const nginx = await startNginx();
  let rows: FloorRow[];
  let ours: Awaited<ReturnType<typeof measureScalebench>>;
  try {
    process.stdout.write(`latency floor: scalebench, hey and wrk against nginx, ${seconds} s each\n`);
    ours = await measureScalebench(nginx.url, seconds);
    rows = [ours, await measureHey(nginx.url, seconds), await measureWrk(nginx.url, seconds)];
  } finally {
    await nginx.stop();
  }
  const hey = rows[1]!;
  printTable(
    `Latency floor against nginx (ms)`,
    ['generator', 'model', 'requests', 'p50', 'p90', 'p99', 'p50 − hey p50', 'CPU s'],
    rows.map((row) => [
      row.generator,
      row.model,
      row.requests,
      fmt(row.p50, 3),
      fmt(row.p90, 3),
      fmt(row.p99, 3),
      fmt(row.p50 - hey.p50, 3),
      fmt(row.cpuSeconds),
    ]),
  );
  process.stdout.write(
    `scalebench service-time p50 (from the actual send, as hey and wrk time): ${fmt(ours.serviceP50, 3)} ms; ` +
      'its response time adds the schedule lag (intended start → send)\n',
  );
  const gap = ours.p50 - hey.p50;
  const serviceGap = ours.serviceP50 - hey.p50;
  return [
    {
      bench: 'latency-floor',
      target: `response-time p50 within ${TOLERANCE_MS} ms of hey's`,
      met: Math.abs(gap) <= TOLERANCE_MS,
      detail: `scalebench ${fmt(ours.p50, 3)} ms (from the intended start), hey ${fmt(hey.p50, 3)} ms (gap ${fmt(gap, 3)} ms)`,
    },
    {
      bench: 'latency-floor',
      target: `service-time p50 within ${TOLERANCE_MS} ms of hey's`,
      met: Math.abs(serviceGap) <= TOLERANCE_MS,
      detail: `scalebench ${fmt(ours.serviceP50, 3)} ms (from the actual send, as hey times), gap ${fmt(serviceGap, 3)} ms`,
    },
  ];
}

export const latencyFloor: Benchmark = {
  name: 'latency-floor',
  describe: 'p50 at 100 req/s against nginx beside hey (-q 100 -c 1) and wrk 4 (closed, 1 connection)',
  run,
};
