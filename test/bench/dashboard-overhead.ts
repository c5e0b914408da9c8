/**
 * Dashboard overhead: requests per generator-CPU-second of the same closed-model run with `--dashboard`
 * (SSE server, events.ndjson, a page's stream held open by another process) and without, alternating
 * the order each round, against the minimal Node server. An open model at a fixed rate, so both runs
 * send the same requests and only the CPU they cost differs. Target: with ≥ 95% of without.
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

async function run(options: BenchOptions): Promise<Verdict[]> {
  const seconds = options.seconds ?? 10;
  const rounds = Math.max(options.rounds, 3);
  const target = await startNodeTarget();
  const rows: Row[] = [];
  try {
    const job = { url: target.url, durationSeconds: seconds, rate: RATE };
    process.stdout.write('dashboard-overhead: warming the target up (3 s, not measured)\n');
    await measure({ ...job, durationSeconds: 3, dashboard: false });
    for (let round = 1; round <= rounds; round += 1) {
      const order = round % 2 === 1 ? [true, false] : [false, true];
      for (const dashboard of order) {
        const mode = dashboard ? 'with --dashboard' : 'without';
        process.stdout.write(`dashboard-overhead: round ${round} ${mode} (${seconds} s)\n`);
        rows.push({ ...(await measure({ ...job, dashboard })), round, mode });
      }
    }
  } finally {
    await target.stop();
  }
  const ratios = [...new Set(rows.map((row) => row.round))].map((round) => {
    const withIt = rows.find((row) => row.round === round && row.mode === 'with --dashboard')!;
    const withoutIt = rows.find((row) => row.round === round && row.mode === 'without')!;
    return perCpu(withIt) / perCpu(withoutIt);
  });
  printTable(
    `Dashboard overhead: open model, ${RATE} requests/s, ${seconds} s, requests per generator-CPU-second`,
    ['round', 'mode', 'requests', 'CPU s', 'req/CPU-s', 'seconds streamed', 'with ÷ without'],
    rows.map((row) => [
      row.round,
      row.mode,
      row.requests,
      fmt(row.cpuSeconds),
      fmt(perCpu(row), 0),
      row.mode === 'without' ? '-' : row.secondsStreamed,
      row.mode === 'without' ? '-' : fmt(ratios[row.round - 1]!, 3),
    ]),
  );
  const ratio = median(ratios);
  return [
    {
      bench: 'dashboard-overhead',
      target: `req/CPU-s with --dashboard and a connected page ≥ ${TARGET_RATIO * 100}% of without`,
      met: ratio >= TARGET_RATIO,
      detail: `median ratio ${fmt(ratio, 3)} over ${ratios.length} rounds: ${ratios.map((r) => fmt(r, 3)).join(', ')}`,
    },
  ];
}

export const dashboardOverhead: Benchmark = {
  name: 'dashboard-overhead',
  describe: 'requests per generator-CPU-second with --dashboard and a connected page vs without (same run)',
  run,
};
