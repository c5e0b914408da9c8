/**
 * `scalebench bench <url>`: load-test any HTTP service. Open model at --rate N (default) or closed
 * model with --connections N; prints a summary table and writes a BenchResults file with --json.
 * Exit codes: 0 ok, 1 generator saturated (result invalid), 2 bad input or unreachable host,
 * 130 interrupted (partial results still written). The flags are parsed in cli/bench-options.ts.
 */
import { basename, dirname, join } from 'node:path';
import { ExitCode } from '../../core/errors.ts';
import type { RunOutcome } from '../../load/engine/build-outcome.ts';
import { assertFeasible } from '../../load/engine/feasibility.ts';
import { readOpenFileLimit } from '../../load/engine/open-file-limit.ts';
import { runPlan } from '../../load/engine/run-load.ts';
import { formatGrpcLine } from '../../load/grpc/grpc-stats.ts';
import { shardLoadPlan } from '../../load/shard/shard-load.ts';
import { describePlan } from '../../load-model/plan/describe-plan.ts';
import { buildProfile } from '../../load-model/plan/profile.ts';
import type { LoadRunOptions } from '../../load-model/types.ts';
import { writeResultsFile } from '../../results/files.ts';
import { EVENTS_FILE_NAME, liveTotals } from '../../results/live-events.ts';
import { startLiveOutputs } from '../live/live-outputs.ts';
import { createProgressPrinter } from '../progress/progress-printer.ts';
import { formatStreamSummary } from '../progress/stream-summary.ts';
import { formatSummary } from '../progress/summary-table.ts';
import type { RunContext } from '../run-context.ts';
import { assertReachable } from './assert-reachable.ts';
import { toBenchResults } from './bench-results.ts';
import { type BenchOptions, reflected } from './bench-run-options.ts';
import { runBenchTrials } from './bench-trials.ts';

export async function runBench(given: BenchOptions, ctx: RunContext): Promise<number> {
  if (given.trials > 1) return runBenchTrials(given, ctx);
  const planOf = (of: BenchOptions) => (of.shard ? shardLoadPlan(of.plan, of.shard) : of.plan);
  assertFeasible(planOf(given), readOpenFileLimit()); // before the plan: an impossible load is refused, not announced
  await assertReachable(new URL(given.load.baseUrl), planOf(given));
  const options = await reflected(given);
  const plan = planOf(options);
  const live = await startLiveOutputs(
    options.live,
    options.jsonPath ? join(dirname(options.jsonPath), EVENTS_FILE_NAME) : undefined,
    ctx,
  );
  if (!options.quiet) ctx.stdout(`${describePlan(plan)}\n`);
  const printer = createProgressPrinter({ write: ctx.stdout, isTTY: ctx.isTTY, quiet: options.quiet });
  const names = { experiment: 'bench', variant: benchName(options.load) };
  const seconds = Math.ceil(buildProfile(plan.executor, plan.warmupMs).totalMs / 1000);
  live.publish({
    type: 'plan',
    command: 'bench',
    title: `scalebench bench ${options.load.baseUrl}`,
    variants: [names],
    trials: 1,
    etaSeconds: seconds,
  });
  live.publish({ type: 'variant-start', ...names, index: 0, total: 1, etaSeconds: seconds });
  live.publish({
    type: 'trial-start',
    ...names,
    trial: 0,
    trials: 1,
    ...(options.load.grpc ? { protocol: 'grpc' as const } : {}),
  });
  const outcome = await runPlan(plan, {
    signal: ctx.signal,
    onSecond: (point) => {
      printer.onSecond(point);
      live.publish({ type: 'second', ...names, trial: 0, point });
    },
  });
  printer.finish();
  live.publish({ type: 'trial-done', ...names, trial: 0, totals: liveTotals(outcome.summary) });
  live.publish({
    type: 'variant-done',
    ...names,
    failedThresholds: 0,
    valid: outcome.summary.valid,
  });
  const results = toBenchResults(options, outcome, ctx.cwd);
  if (options.jsonPath) await writeResultsFile(options.jsonPath, results);
  if (!options.quiet && outcome.protocol) ctx.stdout(`protocol        ${outcome.protocol}\n`);
  ctx.stdout(formatSummary(outcome.summary));
  if (results.grpc) ctx.stdout(formatGrpcLine(results.grpc));
  ctx.stdout(formatStreamSummary(outcome.counters, outcome.trends));
  if (options.jsonPath && !options.quiet) ctx.stdout(`results written to ${options.jsonPath}\n`);
  const code = exitCodeOf(outcome, ctx);
  await live.finish(results, options.jsonPath ? basename(options.jsonPath) : undefined, !outcome.interrupted);
  return code;
}

function exitCodeOf(outcome: RunOutcome, ctx: RunContext): number {
  if (outcome.interrupted) {
    ctx.stderr('interrupted: the summary covers the part that ran\n');
    return ExitCode.interrupted;
  }
  if (!outcome.summary.valid) {
    ctx.stderr(`\n!!! RESULT INVALID: ${outcome.summary.invalidReasons.join('; ')}\n`);
    return ExitCode.failed;
  }
  return ExitCode.ok;
}

/** the bench run's name on the dashboard and in Prometheus labels: host and path of its URL */
function benchName(load: LoadRunOptions): string {
  const url = new URL(load.baseUrl);
  if (load.grpc) return `${url.host}/${load.grpc.call}`;
  return `${url.host}${url.pathname}`;
}
