/**
 * Dashboard overhead: requests per generator-CPU-second of the same run with `--dashboard` (SSE server,
 * events.ndjson, a page's stream held open by another process) and without, alternating the order each
 * round, against the minimal Node server: the efficiency benchmark's closed model (50 connections), and
 * an open model at a fixed rate (both runs send the same requests; only their CPU differs). Target for
 * each: with ≥ 95% of without.
 */
import { fileURLToPath } from 'node:url';
import { type Benchmark, type BenchOptions, median, type Verdict } from './support/benchmark.ts';
import { runToEnd, tsNodeArgs } from './support/child.ts';
import type { DashboardJob, DashboardRunResult } from './support/dashboard-child.ts';
import { fmt, printTable } from './support/table.ts';
import { startNodeTarget } from './support/targets.ts';

const RATE = 1000;
const TARGET_RATIO = 0.95;
const DASHBOARD_CHILD = fileURLToPath(new URL('./support/dashboard-child.ts', import.meta.url));

interface Row extends DashboardRunResult {
  model: DashboardJob['model'];
  round: number;
  mode: 'with --dashboard' | 'without';
}

async function measure(job: DashboardJob): Promise<DashboardRunResult> {
  const { done } = runToEnd(
    'dashboard run',
    process.execPath,
    tsNodeArgs(DASHBOARD_CHILD, [JSON.stringify(job)]),
  );
  const finished = await done;
  const line = finished.stdout.split('\n').find((text) => text.startsWith('{"result"'));
  if (finished.code !== 0 || !line) {
    throw new Error(`dashboard run failed (exit ${finished.code}): ${finished.stderr.trim().slice(-500)}`);
  }
  return (JSON.parse(line) as { result: DashboardRunResult }).result;
}

const perCpu = (row: DashboardRunResult) => row.requests / row.cpuSeconds;

const MODELS: DashboardJob['model'][] = ['closed', 'open'];

function ratioOf(rows: readonly Row[], model: string, round: number): number {
  const pick = (mode: Row['mode']) =>
    rows.find((row) => row.model === model && row.round === round && row.mode === mode)!;
  return perCpu(pick('with --dashboard')) / perCpu(pick('without'));
}

async function run(options: BenchOptions): Promise<Verdict[]> {
  const seconds = options.seconds ?? 10;
  const rounds = Math.max(options.rounds, 3);
  const target = await startNodeTarget();
  const rows: Row[] = [];
  try {
    process.stdout.write('dashboard-overhead: warming the target up (3 s, not measured)\n');
    const base = { url: target.url, rate: RATE, dashboard: false };
    await measure({ ...base, model: 'closed', durationSeconds: 3 });
    for (let round = 1; round <= rounds; round += 1) {
      for (const model of MODELS) {
        const order = round % 2 === 1 ? [true, false] : [false, true];
        for (const dashboard of order) {
          const mode = dashboard ? 'with --dashboard' : 'without';
          process.stdout.write(`dashboard-overhead: round ${round} ${model} ${mode} (${seconds} s)\n`);
          const job = { ...base, model, durationSeconds: seconds, dashboard };
          rows.push({ ...(await measure(job)), model, round, mode });
        }
      }
    }
  } finally {
    await target.stop();
  }
  printTable(
    `Dashboard overhead: closed model (50 connections) and open model (${RATE} requests/s), ${seconds} s each, requests per generator-CPU-second`,
    ['model', 'round', 'mode', 'requests', 'CPU s', 'req/CPU-s', 'seconds streamed', 'with ÷ without'],
    rows.map((row) => [
      row.model,
      row.round,
      row.mode,
      row.requests,
      fmt(row.cpuSeconds),
      fmt(perCpu(row), 0),
      row.mode === 'without' ? '-' : row.secondsStreamed,
      row.mode === 'without' ? '-' : fmt(ratioOf(rows, row.model, row.round), 3),
    ]),
  );
  return MODELS.map((model) => {
    const ratios = [...new Set(rows.map((row) => row.round))].map((round) => ratioOf(rows, model, round));
    const ratio = median(ratios);
    return {
      bench: 'dashboard-overhead',
      target: `${model} model: req/CPU-s with --dashboard and a connected page ≥ ${TARGET_RATIO * 100}% of without`,
      met: ratio >= TARGET_RATIO,
      detail: `median ratio ${fmt(ratio, 3)} over ${ratios.length} rounds: ${ratios.map((r) => fmt(r, 3)).join(', ')}`,
    };
  });
}

export const dashboardOverhead: Benchmark = {
  name: 'dashboard-overhead',
  describe: 'requests per generator-CPU-second with --dashboard and a connected page vs without (same run)',
  run,
};
