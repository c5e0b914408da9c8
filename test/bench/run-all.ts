/**
 * `npm run bench [-- <name>...] [--long] [--rounds N] [--seconds S]`: runs the benchmarks of issue 3
 * item 11 (all by default, in about 5 minutes), prints each one's table and a verdict per target.
 * Load goes only to 127.0.0.1; everything started is stopped, also on Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { runAllCleanups } from '../../core/cleanup.ts';
import { accuracy } from './accuracy.ts';
import { dashboardOverhead } from './dashboard-overhead.ts';
import { efficiency } from './efficiency.ts';
import { gateStatisticsBench } from './gate-statistics.ts';
import { grpcEfficiency } from './grpc-efficiency.ts';
import { httpsEfficiency } from './https-efficiency.ts';
import { latencyFloor } from './latency-floor.ts';
import { memory } from './memory.ts';
import { memoryAbuse } from './memory-abuse.ts';
import { micro } from './micro.ts';
import { startup } from './startup.ts';
import type { Benchmark, BenchOptions, Verdict } from './support/benchmark.ts';
import { printTable } from './support/table.ts';
import { websocket } from './websocket.ts';
import { wholeProcess } from './whole-process.ts';

const BENCHMARKS: readonly Benchmark[] = [
  micro,
  startup,
  efficiency,
  httpsEfficiency,
  grpcEfficiency,
  wholeProcess,
  accuracy,
  latencyFloor,
  memory,
  memoryAbuse,
  dashboardOverhead,
  gateStatisticsBench,
  websocket,
];

function usage(): string {
  const names = BENCHMARKS.map((bench) => `  ${bench.name.padEnd(14)}${bench.describe}`).join('\n');
  return `usage: npm run bench -- [name...] [--long] [--rounds N] [--seconds S]\n${names}
  --long      the issue's full lengths (memory over 5 min) and the undici client in efficiency
  --rounds N  repetitions of each efficiency, whole-process and startup run (default 1; medians are judged)
  --seconds S duration of each efficiency, whole-process and latency-floor run (default 10)\n`;
}

function parse(argv: string[]): { selected: Benchmark[]; options: BenchOptions } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      long: { type: 'boolean', default: false },
      rounds: { type: 'string', default: '1' },
      seconds: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage());
    process.exit(0);
  }
  const unknown = positionals.filter((name) => !BENCHMARKS.some((bench) => bench.name === name));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}\n${usage()}`);
  const rounds = Number(values.rounds);
  const seconds = values.seconds === undefined ? undefined : Number(values.seconds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a whole number ≥ 1');
  if (seconds !== undefined && !(seconds >= 1 && seconds <= 120)) throw new Error('--seconds must be 1..120');
  const selected =
    positionals.length === 0 ? [...BENCHMARKS] : BENCHMARKS.filter((b) => positionals.includes(b.name));
  return { selected, options: { long: values.long, rounds, seconds } };
}

async function main(): Promise<number> {
  const { selected, options } = parse(process.argv.slice(2));
  const verdicts: Verdict[] = [];
  for (const bench of selected) {
    process.stdout.write(`\n# ${bench.name}: ${bench.describe}\n`);
    try {
      verdicts.push(...(await bench.run(options)));
    } catch (error: unknown) {
      const message = error instanceof Error ? error.message : String(error);
      verdicts.push({
        bench: bench.name,
        target: 'ran to the end',
        met: false,
        detail: message.split('\n')[0]!,
      });
    } finally {
      await runAllCleanups();
    }
  }
  printTable(
    'Targets',
    ['benchmark', 'target', 'met', 'figures'],
    verdicts.map((v) => [v.bench, v.target, v.skipped ? 'skipped' : v.met ? 'yes' : 'NO', v.detail]),
  );
  return 0;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void runAllCleanups().finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    await runAllCleanups();
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
