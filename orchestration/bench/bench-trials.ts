/** `bench --trials N`: N whole runs in a row, the file rewritten after each, then the spread across them. */
import { ExitCode } from '../../core/errors.ts';
import { assertFeasible } from '../../load/engine/feasibility.ts';
import { readOpenFileLimit } from '../../load/engine/open-file-limit.ts';
import { describePlan } from '../../load-model/plan/describe-plan.ts';
import { writeResultsFile } from '../../results/files.ts';
import { poolTrials } from '../../results/pool-trials.ts';
import type { BenchTrial } from '../../results/schema.ts';
import { formatStreamMetrics } from '../progress/stream-summary.ts';
import { formatSummary } from '../progress/summary-table.ts';
import { formatTrialLine, formatTrialSpread } from '../progress/trial-spread.ts';
import type { RunContext } from '../run-context.ts';
import { runTrials } from '../trials/run-trials.ts';
import { assertReachable } from './assert-reachable.ts';
import { toTrialsResults } from './bench-results.ts';
import { type BenchOptions, reflected } from './bench-run-options.ts';

/** runs the trials and prints their pooled summary and spread; resolves the exit code */
export async function runBenchTrials(given: BenchOptions, ctx: RunContext): Promise<number> {
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
