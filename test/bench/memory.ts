/**
 * (d) Memory flat: the RSS of a `scalebench bench` process (open model against nginx) sampled during
 * the run. Default: 10 s vs 60 s; --long: the 30 s vs 5 min. Target: the later RSS within 10%
 * of the early one.
 */
import { fileURLToPath } from 'node:url';
import type { Benchmark, BenchOptions, Verdict } from './support/benchmark.ts';
import { runToEnd } from './support/child.ts';
import { startNginx } from './support/nginx.ts';
import { rssMiB } from './support/proc-stat.ts';
import { fmt, printTable } from './support/table.ts';

const SCALEBENCH_BIN = fileURLToPath(new URL('../../bin/scalebench.js', import.meta.url));
const RATE = 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function run(options: BenchOptions): Promise<Verdict[]> {
  const early = options.long ? 30 : 10;
  const late = options.long ? 300 : 60;
  const every = options.long ? 30 : 10;
  const nginx = await startNginx();
  const samples: [number, number][] = [];
  let exit: number | null = null;
  try {
    process.stdout.write(`memory: scalebench bench --rate ${RATE} for ${late + 2} s against nginx\n`);
    const { child, done } = runToEnd(
      'scalebench bench',
      process.execPath,
      [
        SCALEBENCH_BIN,
        'bench',
        nginx.url,
        '--rate',
        String(RATE),
        '--duration',
        `${late + 2}s`,
        '--warmup',
        '0s',
        '--quiet',
      ],
      (late + 60) * 1000,
    );
    const startedAt = Date.now();
    for (let second = every; second <= late; second += every) {
      await sleep(Math.max(0, startedAt + second * 1000 - Date.now()));
      const rss = rssMiB(child.pid!);
      if (rss !== null) samples.push([second, rss]);
    }
    exit = (await done).code;
  } finally {
    await nginx.stop();
  }
  const at = (second: number) => samples.find(([s]) => s === second)?.[1] ?? Number.NaN;
  const ratio = at(late) / at(early);
  printTable(
    `Memory: RSS of scalebench bench at ${RATE} req/s (MiB)`,
    ['after', 'RSS MiB', `× at ${early} s`],
    samples.map(([second, rss]) => [`${second} s`, fmt(rss, 1), fmt(rss / at(early))]),
  );
  process.stdout.write(`scalebench bench exit code: ${exit}\n`);
  return [
    {
      bench: 'memory',
      target: `RSS at ${late} s within 10% of RSS at ${early} s`,
      met: ratio <= 1.1,
      detail: `${fmt(at(early), 1)} → ${fmt(at(late), 1)} MiB (× ${fmt(ratio, 3)})${options.long ? '' : '; --long for 30 s vs 5 min'}`,
    },
  ];
}

export const memory: Benchmark = {
  name: 'memory',
  describe: 'RSS of a scalebench bench process early vs late (10 s vs 60 s; --long: 30 s vs 5 min)',
  run,
};
