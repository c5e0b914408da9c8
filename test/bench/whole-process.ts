/**
 * Whole-process efficiency: requests per CPU-second of the whole generator process, start-up included
 * (user + system time of the process, read by its parent shell after it exited), for a closed-model
 * run of scalebench bench and of the autocannon CLI against the same target in the same run.
 * Target: scalebench ≥ 1.4× autocannon. The efficiency benchmark measures the steady state instead.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Benchmark, type BenchOptions, median, type Verdict } from './support/benchmark.ts';
import { assertBuilt, SCALEBENCH_BIN } from './support/cli-process.ts';
import { runExternal } from './support/generators.ts';
import { fmt, printTable } from './support/table.ts';
import { type BenchTarget, startNginxTarget, startNodeTarget } from './support/targets.ts';

const CONNECTIONS = 50;
const TARGET_RATIO = 1.4;
const AUTOCANNON_CLI = fileURLToPath(new URL('../../node_modules/autocannon/autocannon.js', import.meta.url));

interface Row {
  round: number;
  generator: string;
  requests: number;
  cpuSeconds: number;
}

async function scalebench(url: string, seconds: number, dir: string): Promise<Omit<Row, 'round'>> {
  const json = join(dir, 'bench.json');
  const args = [SCALEBENCH_BIN, 'bench', url, '--connections', String(CONNECTIONS)];
  const run = await runExternal(process.execPath, [
    ...args,
    ...['--duration', `${seconds}s`, '--warmup', '0s', '--quiet', '--json', json],
  ]);
  const results = JSON.parse(await readFile(json, 'utf8')) as { summary: { requests: number } };
  return { generator: 'scalebench', requests: results.summary.requests, cpuSeconds: run.cpuSeconds };
}

async function autocannon(url: string, seconds: number): Promise<Omit<Row, 'round'>> {
  const args = [AUTOCANNON_CLI, '-c', String(CONNECTIONS), '-d', String(seconds), '--json', url];
  const run = await runExternal(process.execPath, args);
  const line = run.output.split('\n').find((text) => text.startsWith('{'));
  if (!line) throw new Error(`autocannon printed no JSON: ${run.output.slice(-300)}`);
  const results = JSON.parse(line) as { requests: { total: number } };
  return { generator: 'autocannon', requests: results.requests.total, cpuSeconds: run.cpuSeconds };
}

/** nginx when installed (it outruns both generators), else the node:http target warmed up first */
async function startTarget(): Promise<BenchTarget> {
  try {
    return await startNginxTarget();
  } catch {
    const target = await startNodeTarget();
    await autocannon(target.url, 3);
    return target;
  }
}

const perCpu = (row: Row) => row.requests / row.cpuSeconds;

async function run(options: BenchOptions): Promise<Verdict[]> {
  assertBuilt();
  const seconds = options.seconds ?? 10;
  const target = await startTarget();
  const dir = await mkdtemp(join(tmpdir(), 'scalebench-whole-'));
  const rows: Row[] = [];
  try {
    for (let round = 1; round <= options.rounds; round += 1) {
      const order = round % 2 === 1 ? ['scalebench', 'autocannon'] : ['autocannon', 'scalebench'];
      for (const generator of order) {
        process.stdout.write(`whole-process: ${target.name} round ${round} ${generator} (${seconds} s)\n`);
        const row =
          generator === 'scalebench'
            ? await scalebench(target.url, seconds, dir)
            : await autocannon(target.url, seconds);
        rows.push({ ...row, round });
      }
    }
  } finally {
    await target.stop();
    await rm(dir, { recursive: true, force: true });
  }
  const ratios = rows
    .filter((row) => row.generator === 'scalebench')
    .map((row) => {
      const peer = rows.find((r) => r.round === row.round && r.generator === 'autocannon')!;
      return perCpu(row) / perCpu(peer);
    });
  printTable(
    `Whole process, start-up included: closed model, ${CONNECTIONS} connections, ${seconds} s, vs ${target.name}`,
    ['round', 'generator', 'requests', 'CPU s', 'req/CPU-s', '× autocannon'],
    rows.map((row) => [
      row.round,
      row.generator,
      row.requests,
      fmt(row.cpuSeconds),
      fmt(perCpu(row), 0),
      row.generator === 'scalebench' ? fmt(ratios[row.round - 1]!) : '1.00',
    ]),
  );
  const ratio = median(ratios);
  return [
    {
      bench: 'whole-process',
      target: `whole-process req/CPU-s (${seconds} s, start-up included) ≥ ${TARGET_RATIO}× autocannon`,
      met: ratio >= TARGET_RATIO,
      detail: `median ratio ${fmt(ratio)} over ${ratios.length} round(s): ${ratios.map((r) => fmt(r)).join(', ')}`,
    },
  ];
}

export const wholeProcess: Benchmark = {
  name: 'whole-process',
  describe: 'requests per CPU-second of the whole generator process, start-up included, vs autocannon',
  run,
};
