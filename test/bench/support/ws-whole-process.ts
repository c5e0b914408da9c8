/**
 * The WebSocket benchmark's comparison with Artillery 2: both generators as a user runs them, each a
 * whole process, start-up included (user + system time of the process tree, read by its parent shell
 * after it exited), against the same echo server, which counts the messages each run sent. scalebench
 * runs `scalebench bench ws://… --connections N --ws-rate R` from dist/ (a stale build would charge it
 * for tsx compiling at start, so it is skipped then); Artillery its `ws` engine, each socket sending
 * the next message when the echo is back. Rounds alternate which goes first.
 */
import { buildState } from '../../../bin/build-freshness.js';
import { type ArtilleryLookup, runArtilleryEcho } from './artillery.ts';
import { median } from './benchmark.ts';
import { REPO_ROOT } from './child.ts';
import { SCALEBENCH_BIN } from './cli-process.ts';
import { runExternal } from './generators.ts';
import { fmt } from './table.ts';

export interface ProcessRun {
  round: number;
  generator: 'scalebench' | 'artillery';
  /** counted by the echo server while the process ran */
  messages: number;
  cpuSeconds: number;
}

export interface WholeProcessJob {
  url: string;
  sockets: number;
  /** scalebench's messages per second on each socket (Artillery sends on each echo) */
  ratePerSocket: number;
  seconds: number;
  rounds: number;
  message: string;
  /** the echo server's message count so far */
  counted: () => Promise<number>;
}

export type WholeProcess =
  | { state: 'measured'; runs: ProcessRun[]; ratios: number[]; artillery: string; notes: string[] }
  | { state: 'skipped'; runs: ProcessRun[]; reason: string };

export const perCpuSecond = (run: { messages: number; cpuSeconds: number }) => run.messages / run.cpuSeconds;

async function counting(job: WholeProcessJob, measure: () => Promise<number>) {
  const before = await job.counted();
  const cpuSeconds = await measure();
  return { messages: (await job.counted()) - before, cpuSeconds };
}

function scalebench(job: WholeProcessJob): Promise<number> {
  const args = [SCALEBENCH_BIN, 'bench', job.url, '--connections', String(job.sockets)];
  args.push('--ws-rate', String(job.ratePerSocket), '--ws-message', job.message);
  args.push('--duration', `${job.seconds}s`, '--warmup', '0s', '--quiet');
  return runExternal(process.execPath, args).then((run) => run.cpuSeconds);
}

async function artillery(job: WholeProcessJob, bin: string, notes: string[]): Promise<number> {
  const run = await runArtilleryEcho(bin, job);
  if (!(run.completed === job.sockets && run.failed === 0))
    notes.push(`Artillery: ${run.completed} VUs completed, ${run.failed} failed, ${run.sent} sent`);
  return run.cpuSeconds;
}

/** Each round: scalebench and Artillery, alternating which goes first. */
export async function wholeProcessPair(job: WholeProcessJob, lookup: ArtilleryLookup): Promise<WholeProcess> {
  const build = buildState(REPO_ROOT);
  if (build !== 'fresh') {
    const reason = `dist/ is not current (${build}): npm run build first`;
    process.stdout.write(`websocket: whole-process comparison skipped: ${reason}\n`);
    return { state: 'skipped', runs: [], reason };
  }
  const bin = lookup.state === 'found' ? lookup.bin : undefined;
  const runs: ProcessRun[] = [];
  const notes: string[] = [];
  for (let round = 1; round <= job.rounds; round += 1) {
    const order =
      round % 2 === 1 ? (['scalebench', 'artillery'] as const) : (['artillery', 'scalebench'] as const);
    for (const generator of order) {
      const measure =
        generator === 'scalebench' ? () => scalebench(job) : bin && (() => artillery(job, bin, notes));
      if (!measure) continue;
      process.stdout.write(`websocket: whole process, round ${round}: ${generator} (${job.seconds} s)\n`);
      runs.push({ round, generator, ...(await counting(job, measure)) });
    }
  }
  if (lookup.state !== 'found') return { state: 'skipped', runs, reason: lookup.reason };
  const ratios = runs
    .filter((run) => run.generator === 'scalebench')
    .map((run) => {
      const peer = runs.find((other) => other.round === run.round && other.generator === 'artillery')!;
      return perCpuSecond(run) / perCpuSecond(peer);
    });
  return { state: 'measured', runs, ratios, artillery: `Artillery ${lookup.version}`, notes };
}

export function wholeProcessDetail(result: Extract<WholeProcess, { state: 'measured' }>): string {
  const total = (generator: ProcessRun['generator']) => {
    const mine = result.runs.filter((run) => run.generator === generator);
    return perCpuSecond({
      messages: mine.reduce((sum, run) => sum + run.messages, 0),
      cpuSeconds: mine.reduce((sum, run) => sum + run.cpuSeconds, 0),
    });
  };
  const rounds = result.ratios.length > 1 ? ` (rounds ${result.ratios.map((r) => fmt(r)).join(', ')})` : '';
  const notes = result.notes.length > 0 ? `; ${result.notes.join('; ')}` : '';
  return `${fmt(total('scalebench'), 0)} vs ${fmt(total('artillery'), 0)} msg/CPU-s, whole processes, start-up included: median ${fmt(median(result.ratios))}×${rounds}, ${result.artillery}${notes}`;
}
