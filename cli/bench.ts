/**
 * `scalebench bench <url>`: load-test any HTTP service. Open model at --rate N (default) or closed
 * model with --connections N; prints a summary table and writes a BenchResults file with --json.
 * Exit codes: 0 ok, 1 generator saturated (result invalid), 2 bad input or unreachable host,
 * 130 interrupted (partial results still written).
 */
import { basename, dirname, join } from 'node:path';
import { ExitCode, ScalebenchError } from '../core/errors.ts';
import type { RunOutcome } from '../load/engine/build-outcome.ts';
import { assertFeasible } from '../load/engine/feasibility.ts';
import { readOpenFileLimit } from '../load/engine/open-file-limit.ts';
import { runPlan } from '../load/engine/run-load.ts';
import { formatGrpcLine, grpcStats } from '../load/grpc/grpc-stats.ts';
import { probeTcp } from '../load/http/probe.ts';
import { shardLoadPlan } from '../load/shard/shard-load.ts';
import { assertLoadPlan } from '../load-model/plan/compile-plan.ts';
import { describePlan } from '../load-model/plan/describe-plan.ts';
import type { LoadPlan } from '../load-model/plan/load-plan.ts';
import { buildProfile } from '../load-model/plan/profile.ts';
import type { LoadRunOptions } from '../load-model/types.ts';
import { createProgressPrinter } from '../orchestration/progress/progress-printer.ts';
import {
  formatStreamMetrics,
  formatStreamSummary,
  streamMetrics,
} from '../orchestration/progress/stream-summary.ts';
import { formatSummary } from '../orchestration/progress/summary-table.ts';
import { formatTrialLine, formatTrialSpread } from '../orchestration/progress/trial-spread.ts';
import { runTrials } from '../orchestration/trials/run-trials.ts';
import { collectEnvironment } from '../results/environment.ts';
import { writeResultsFile } from '../results/files.ts';
import { EVENTS_FILE_NAME, liveTotals } from '../results/live-events.ts';
import { poolTrials } from '../results/pool-trials.ts';
import type { BenchResults, BenchTrial } from '../results/schema.ts';
import { SCHEMA_VERSION } from '../results/schema-version.ts';
import type { BenchOptions } from './bench-options.ts';
import type { CliContext } from './context.ts';
import { recordedLoad, withReflectedCall } from './grpc-bench-options.ts';
import { startLiveOutputs } from './live-outputs.ts';

/** The first connection, made as the run will make it: TCP, then the TLS handshake and HTTP/2 agreement. */
export async function assertReachable(
  url: URL,
  load: Pick<LoadPlan, 'grpc' | 'tls' | 'http2'>,
): Promise<void> {
  if (load.grpc) {
    const [{ assertGrpcReachable }, { loadTlsSettings }] = await Promise.all([
      import('../load/grpc/grpc-probe.ts'),
      import('../load/http/tls-settings.ts'),
    ]);
    return assertGrpcReachable(url, await loadTlsSettings(load.tls));
  }
  const code = await probeTcp(url, 3000);
  if (code !== null) {
    throw new ScalebenchError('SB_ERR_UNREACHABLE', `cannot connect to ${url.host} (${code})`, {
      hint: 'start the service first, or check the host and port in the URL',
    });
  }
  if (url.protocol !== 'https:' && !load.http2) return;
  const [{ assertHandshake }, { loadTlsSettings }] = await Promise.all([
    import('../load/http/probe-handshake.ts'),
    import('../load/http/tls-settings.ts'),
  ]);
  await assertHandshake(url, {
    tls: await loadTlsSettings(load.tls),
    http2: load.http2 === true,
    timeoutMs: 3000,
  });
}

function toBenchResults(options: BenchOptions, outcome: RunOutcome, cwd: string): BenchResults {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'bench',
    createdAt: new Date().toISOString(),
    options: { ...recordedLoad(options.load), interrupted: outcome.interrupted, plan: outcome.plan },
    environment: collectEnvironment(cwd),
    summary: outcome.summary,
    histograms: outcome.histograms,
    ...(outcome.phaseHistograms ? { phaseHistograms: outcome.phaseHistograms } : {}),
    ...(outcome.protocol ? { protocol: outcome.protocol } : {}),
    ...(options.load.grpc
      ? { grpc: grpcStats(options.load.grpc.call, options.load.grpc.serverStreaming === true, outcome) }
      : {}),
    series: outcome.series,
    ...(options.shard ? { shard: options.shard } : {}),
    ...streamMetrics(outcome),
  };
}

/**
 * A gRPC call given without --proto, its method and messages asked of the server's reflection service
 * once it is reachable; the plan compiled again with them. Any other load as given.
 */
async function reflected(given: BenchOptions): Promise<BenchOptions> {
  const load = await withReflectedCall(given.load, given.plan.timeoutMs);
  return load === given.load ? given : { ...given, load, plan: assertLoadPlan(load) };
}

export async function runBench(given: BenchOptions, ctx: CliContext): Promise<number> {
  if (given.trials > 1) return runTrialsOfBench(given, ctx);
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

function exitCodeOf(outcome: RunOutcome, ctx: CliContext): number {
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

/** bench --trials N: N whole runs in a row, the file rewritten after each, then the spread across them */
async function runTrialsOfBench(given: BenchOptions, ctx: CliContext): Promise<number> {
  assertFeasible(given.plan, readOpenFileLimit());
  await assertReachable(new URL(given.load.baseUrl), given.plan);
  const options = await reflected(given);
  if (!options.quiet) {
    const pause = options.pauseMs > 0 ? `, ${options.pauseMs} ms apart` : '';
    ctx.stdout(`${options.trials} trials${pause}, each: ${describePlan(options.plan)}\n`);
  }
  const trials: BenchTrial[] = [];
  const complete = await runTrials(
    Array.from({ length: options.trials }, () => ({ side: 'bench', load: options.plan })),
    {
      pauseMs: options.pauseMs,
      signal: ctx.signal,
      onTrial: async ({ trial }) => {
        trials.push(trial);
        if (!options.quiet)
          ctx.stdout(formatTrialLine(`trial ${trial.trial + 1}/${options.trials}`, trial.summary));
        if (options.jsonPath)
          await writeResultsFile(options.jsonPath, toTrialsResults(options, trials, false, ctx.cwd));
      },
    },
  );
  if (trials.length === 0) {
    ctx.stderr('interrupted before the first trial ended: nothing written\n');
    return ExitCode.interrupted;
  }
  if (options.jsonPath)
    await writeResultsFile(options.jsonPath, toTrialsResults(options, trials, !complete, ctx.cwd));
  const pooled = poolTrials(trials);
  ctx.stdout(`\n${formatSummary(pooled.summary)}${formatStreamMetrics(pooled)}`);
  ctx.stdout(`\n${formatTrialSpread(trials.map((trial) => trial.summary))}`);
  if (options.jsonPath && !options.quiet) ctx.stdout(`results written to ${options.jsonPath}\n`);
  if (!complete) {
    ctx.stderr(`interrupted: ${trials.length} of ${options.trials} trials ran\n`);
    return ExitCode.interrupted;
  }
  if (!pooled.summary.valid) {
    ctx.stderr(`\n!!! RESULT INVALID: ${pooled.summary.invalidReasons.join('; ')}\n`);
    return ExitCode.failed;
  }
  return ExitCode.ok;
}

function toTrialsResults(
  options: BenchOptions,
  trials: BenchTrial[],
  interrupted: boolean,
  cwd: string,
): BenchResults {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'bench',
    createdAt: new Date().toISOString(),
    options: {
      ...recordedLoad(options.load),
      interrupted,
      plan: describePlan(options.plan),
      trials: options.trials,
      pauseMs: options.pauseMs,
    },
    environment: collectEnvironment(cwd),
    ...poolTrials(trials),
    trials,
  };
}
