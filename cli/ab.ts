/**
 * `scalebench ab <baseline-url> <candidate-url>`: the flags parsed here, the trials raced
 * (orchestration/ab/run-ab.ts), then the spread and the `compare` verdict with its exit codes:
 * 0 pass, 1 regression, 2 bad input, 3 inconclusive.
 */
import { resolve } from 'node:path';
import { ExitCode, ScalebenchError } from '../core/errors.ts';
import { type AbOptions, compareSides, raceAb, sideSummaries } from '../orchestration/ab/run-ab.ts';
import { formatTrialSpread } from '../orchestration/progress/trial-spread.ts';
import { type BenchFlags, parseBenchOptions, parseTrials } from './bench-options.ts';
import { type CompareFlags, emitComparison, parseVerdictOptions, type VerdictOptions } from './compare.ts';
import type { CliContext } from './context.ts';
import { parseDuration, parseNumber } from './parse.ts';

export interface AbFlags extends Omit<BenchFlags, 'shard'>, CompareFlags {
  order: string;
  seed: string;
  baselineCmd?: string;
  candidateCmd?: string;
  readyTimeout: string;
}

export interface AbCliOptions extends AbOptions {
  verdict: VerdictOptions;
}

export function parseAbOptions(
  baseline: string,
  candidate: string,
  flags: AbFlags,
  ctx: CliContext,
): AbCliOptions {
  const { trials, pauseMs } = parseTrials(flags);
  if (flags.order !== 'alternate' && flags.order !== 'random') {
    throw new ScalebenchError(
      'SB_ERR_INVALID_ARGUMENT',
      `--order '${flags.order}' is not alternate or random`,
      {
        hint: 'use --order alternate (A B A B …) or --order random (balanced, from --seed)',
      },
    );
  }
  const side = (url: string, command: string | undefined) => {
    const { load, plan } = parseBenchOptions(url, { ...flags, json: undefined, trials: '1' }, ctx.cwd);
    return { load, plan, command: command?.trim() ? command : null };
  };
  return {
    sides: { baseline: side(baseline, flags.baselineCmd), candidate: side(candidate, flags.candidateCmd) },
    trials,
    pauseMs,
    order: {
      mode: flags.order,
      seed: flags.order === 'random' ? parseNumber(flags.seed, '--seed', { min: 0, integer: true }) : null,
    },
    readyTimeoutMs: parseDuration(flags.readyTimeout, '--ready-timeout'),
    jsonPath: flags.json === undefined ? undefined : resolve(ctx.cwd, flags.json),
    quiet: Boolean(flags.quiet),
    verdict: parseVerdictOptions(flags, ctx),
  };
}

export async function runAb(options: AbCliOptions, ctx: CliContext): Promise<void> {
  // with --format json, stdout carries the verdict alone: progress goes to stderr
  const say = options.verdict.format === 'json' ? ctx.stderr : ctx.stdout;
  const { order, trials, complete } = await raceAb(options, say, ctx);
  if (!complete) {
    ctx.stderr(`interrupted: ${trials.length} of ${order.length} trials ran; no verdict\n`);
    ctx.exitCode = ExitCode.interrupted;
    return;
  }
  say(
    `\n${formatTrialSpread(sideSummaries(trials, 'baseline'), 'baseline')}${formatTrialSpread(sideSummaries(trials, 'candidate'), 'candidate')}\n`,
  );
  const comparison = compareSides(trials, options.verdict);
  const { baseline, candidate } = options.sides;
  const files = { baseline: baseline.load.baseUrl, candidate: candidate.load.baseUrl };
  await emitComparison(comparison, files, options.verdict, ctx);
}
