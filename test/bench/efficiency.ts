/**
 * (a) Efficiency: requests per generator-CPU-second of scalebench, autocannon and wrk, closed model
 * with the same connection count, against the same local targets (the minimal Node server in its own
 * process, and nginx). Target: scalebench ≥ 1.5× autocannon. A "socket floor" row shows the least a
 * Node generator can spend per request on the same machine and target, for scale.
 */
import { type Benchmark, type BenchOptions, median, type Verdict } from './support/benchmark.ts';
import { parseWrk, runExternal, runNodeGenerator } from './support/generators.ts';
import { fmt, printTable } from './support/table.ts';
import { type BenchTarget, startNginxTarget, startNodeTarget } from './support/targets.ts';

const CONNECTIONS = 50;
const TARGET_RATIO = 1.5;
const TARGET_WARMUP_SECONDS = 3;
/** a reference row, not a competitor: Node sockets that parse and time nothing (support/socket-floor.ts) */
const SOCKET_FLOOR = 'socket floor';

interface Row {
  target: string;
  round: number;
  generator: string;
  requests: number;
  errors: number;
  cpuSeconds: number;
  systemSeconds: number;
  seconds: number;
}

async function measure(generator: string, target: BenchTarget, seconds: number): Promise<Omit<Row, 'round'>> {
  if (generator === 'wrk') {
    const run = await runExternal('wrk', ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, target.url]);
    const figures = parseWrk(run.output);
    return {
      target: target.name,
      generator,
      ...figures,
      cpuSeconds: run.cpuSeconds,
      systemSeconds: run.systemSeconds,
      seconds,
    };
  }
  const tool =
    generator === 'autocannon' ? 'autocannon' : generator === SOCKET_FLOOR ? 'socket-floor' : 'scalebench';
  const client = generator === 'scalebench (undici)' ? 'undici' : 'raw';
  const result = await runNodeGenerator({
    tool,
    url: target.url,
    durationSeconds: seconds,
    connections: CONNECTIONS,
    client,
  });
  return {
    target: target.name,
    generator,
    requests: result.requests,
    errors: result.errors,
    cpuSeconds: result.cpuSeconds,
    systemSeconds: result.systemSeconds,
    seconds: result.wallSeconds,
  };
}

const perCpu = (row: Row) => row.requests / row.cpuSeconds;

function printRows(rows: readonly Row[]): void {
  const autocannon = (row: Row) =>
    rows.find((r) => r.target === row.target && r.round === row.round && r.generator === 'autocannon');
  printTable(
    `Efficiency: closed model, ${CONNECTIONS} connections, requests per generator-CPU-second`,
    [
      'target',
      'round',
      'generator',
      'requests',
      'req/s',
      'errors',
      'CPU s',
      'sys %',
      'µs CPU/req',
      'req/CPU-s',
      '× autocannon',
    ],
    rows.map((row) => {
      const peer = autocannon(row);
      return [
        row.target,
        row.round,
        row.generator,
        row.requests,
        fmt(row.requests / row.seconds, 0),
        row.errors,
        fmt(row.cpuSeconds),
        fmt((100 * row.systemSeconds) / row.cpuSeconds, 0),
        fmt((1e6 * row.cpuSeconds) / row.requests, 1),
        fmt(perCpu(row), 0),
        peer ? fmt(perCpu(row) / perCpu(peer)) : '-',
      ];
    }),
  );
  process.stdout.write(
    `${SOCKET_FLOOR}: Node sockets that write and count, parsing and timing nothing — the CPU per request any Node generator starts from\n`,
  );
}

function verdicts(rows: readonly Row[], targets: readonly string[]): Verdict[] {
  return targets.map((target) => {
    const ratios: number[] = [];
    for (const row of rows) {
      if (row.target !== target || row.generator !== 'scalebench') continue;
      const peer = rows.find(
        (r) => r.target === target && r.round === row.round && r.generator === 'autocannon',
      );
      if (peer) ratios.push(perCpu(row) / perCpu(peer));
    }
    const ratio = median(ratios);
    return {
      bench: 'efficiency',
      target: `${target}: scalebench ≥ ${TARGET_RATIO}× autocannon req/CPU-s`,
      met: ratio >= TARGET_RATIO,
      detail: `median ratio ${fmt(ratio)} over ${ratios.length} round(s): ${ratios.map((r) => fmt(r)).join(', ')}`,
    };
  });
}

async function run(options: BenchOptions): Promise<Verdict[]> {
  const seconds = options.seconds ?? 10;
  const generators = [
    'scalebench',
    'autocannon',
    'wrk',
    SOCKET_FLOOR,
    ...(options.long ? ['scalebench (undici)'] : []),
  ];
  const rows: Row[] = [];
  const names: string[] = [];
  for (const start of [startNodeTarget, startNginxTarget]) {
    const target = await start();
    names.push(target.name);
    try {
      // a fresh node:http target runs its first seconds unoptimized (~15% slower): without a warm-up
      // whichever generator goes first pays for the target's JIT, not for its own work
      process.stdout.write(
        `efficiency: warming ${target.name} up (${TARGET_WARMUP_SECONDS} s, not measured)\n`,
      );
      await measure('autocannon', target, TARGET_WARMUP_SECONDS);
      for (let round = 1; round <= options.rounds; round += 1) {
        // alternate the order so a noisy neighbour does not always hit the same generator
        const order = round % 2 === 1 ? generators : [...generators].reverse();
        for (const generator of order) {
          process.stdout.write(`efficiency: ${target.name} round ${round} ${generator} (${seconds} s)\n`);
          rows.push({ ...(await measure(generator, target, seconds)), round });
        }
      }
    } finally {
      await target.stop();
    }
  }
  printRows(rows);
  return verdicts(rows, names);
}

export const efficiency: Benchmark = {
  name: 'efficiency',
  describe: 'requests per generator-CPU-second: scalebench vs autocannon vs wrk (node:http and nginx)',
  run,
};
