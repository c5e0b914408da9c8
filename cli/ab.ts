/**
 * `scalebench ab <baseline-url> <candidate-url>`: both sides measured in one job, their trials
 * interleaved (A B A B …, or a balanced seeded random order) so drift on a shared runner hits both
 * alike; optionally each side's server started from a command and stopped after. Ends with the
 * `compare` verdict and its exit codes: 0 pass, 1 regression, 2 bad input, 3 inconclusive.
 */
import { resolve } from 'node:path';
import { ExitCode, ScalebenchError } from '../core/errors.ts';
import { describePlan } from '../load-model/plan/describe-plan.ts';
import { formatTrialLine, formatTrialSpread } from '../orchestration/progress/trial-spread.ts';
import { type AbSide, alternateOrder, balancedRandomOrder } from '../orchestration/trials/ab-order.ts';
import { runTrials } from '../orchestration/trials/run-trials.ts';
import { startSideServer } from '../orchestration/trials/side-server.ts';
import { compareSampleSets } from '../reports/compare/compare.ts';
import { collectEnvironment } from '../results/environment.ts';
import { writeAbResultsFile } from '../results/files.ts';
import type { AbResults, AbTrial } from '../results/schema.ts';
import { SCHEMA_VERSION } from '../results/schema-version.ts';
import { assertReachable } from './bench.ts';
import { type BenchFlags, type BenchOptions, parseBenchOptions, parseTrials } from './bench-options.ts';
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

export interface AbOptions {
  sides: Record<AbSide, { load: BenchOptions['load']; plan: BenchOptions['plan']; command: string | null }>;
  trials: number;
  pauseMs: number;
  order: AbResults['order'];
  readyTimeoutMs: number;
  jsonPath: string | undefined;
  quiet: boolean;
  verdict: VerdictOptions;
}

export function parseAbOptions(
  baseline: string,
  candidate: string,
  flags: AbFlags,
  ctx: CliContext,
): AbOptions {
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

function runOrder(options: AbOptions): AbSide[] {
  return options.order.mode === 'random'
    ? balancedRandomOrder(options.trials, options.order.seed ?? 1)
    : alternateOrder(options.trials);
}

/** starts the sides that have a command (baseline first), then checks both URLs answer */
async function startSides(
  options: AbOptions,
  ctx: CliContext,
  say: (text: string) => void,
): Promise<(() => Promise<void>)[]> {
  const stops: (() => Promise<void>)[] = [];
  for (const name of ['baseline', 'candidate'] as const) {
    const { command, load } = options.sides[name];
    if (command === null) continue;
    if (!options.quiet) say(`starting the ${name} server: ${command}\n`);
    const server = await startSideServer({
      side: name,
      command,
      url: load.baseUrl,
      readyTimeoutMs: options.readyTimeoutMs,
      cwd: ctx.cwd,
      env: { ...ctx.env },
    });
    stops.push(server.stop);
  }
  for (const name of ['baseline', 'candidate'] as const)
    await assertReachable(new URL(options.sides[name].load.baseUrl), options.sides[name].plan);
  return stops;
}

function toAbResults(options: AbOptions, trials: AbTrial[], interrupted: boolean, cwd: string): AbResults {
  const { baseline, candidate } = options.sides;
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'ab',
    createdAt: new Date().toISOString(),
    options: {
      ...baseline.load,
      baseUrl: undefined,
      plan: describePlan(baseline.plan),
      trialsPerSide: options.trials,
      pauseMs: options.pauseMs,
      interrupted,
    },
    environment: collectEnvironment(cwd),
    order: options.order,
    baseline: { url: baseline.load.baseUrl, command: baseline.command },
    candidate: { url: candidate.load.baseUrl, command: candidate.command },
    trials,
  };
}

/** runs the trials in `order` with the sides up; resolves them in run order, and whether all ran */
async function raceSides(options: AbOptions, order: AbSide[], say: (text: string) => void, ctx: CliContext) {
  const stops = await startSides(options, ctx, say);
  const trials: AbTrial[] = [];
  try {
    if (!options.quiet) {
      const letters = order.map((side) => (side === 'baseline' ? 'A' : 'B')).join(' ');
      say(
        `${options.trials} trials a side, order ${letters}; each: ${describePlan(options.sides.baseline.plan)}\n`,
      );
    }
    const complete = await runTrials(
      order.map((side) => ({ side, load: options.sides[side].plan })),
      {
        pauseMs: options.pauseMs,
        signal: ctx.signal,
        onTrial: async ({ side, sequence, trial }) => {
          trials.push({ ...trial, side, sequence });
          const label = `${sequence + 1}/${order.length} ${side} #${trial.trial + 1}`;
          if (!options.quiet) say(formatTrialLine(label, trial.summary));
          if (options.jsonPath)
            await writeAbResultsFile(options.jsonPath, toAbResults(options, trials, false, ctx.cwd));
        },
      },
    );
    return { trials, complete };
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}

export async function runAb(options: AbOptions, ctx: CliContext): Promise<void> {
  // with --format json, stdout carries the verdict alone: progress goes to stderr
  const say = options.verdict.format === 'json' ? ctx.stderr : ctx.stdout;
  const order = runOrder(options);
  const { trials, complete } = await raceSides(options, order, say, ctx);
  if (options.jsonPath)
    await writeAbResultsFile(options.jsonPath, toAbResults(options, trials, !complete, ctx.cwd));
  if (!complete) {
    ctx.stderr(`interrupted: ${trials.length} of ${order.length} trials ran; no verdict\n`);
    ctx.exitCode = ExitCode.interrupted;
    return;
  }
  const summaries = (side: AbSide) =>
    trials.filter((trial) => trial.side === side).map((trial) => trial.summary);
  say(
    `\n${formatTrialSpread(summaries('baseline'), 'baseline')}${formatTrialSpread(summaries('candidate'), 'candidate')}\n`,
  );
  const invalid = trials.filter((trial) => !trial.summary.valid).length;
  const warnings =
    invalid > 0 ? [`${invalid} trial(s) invalid: the load generator could not keep its schedule`] : [];
  const comparison = compareSampleSets(
    [{ key: 'bench', summaries: summaries('baseline') }],
    [{ key: 'bench', summaries: summaries('candidate') }],
    warnings,
    { threshold: options.verdict.threshold, metrics: options.verdict.metrics },
  );
  const { baseline, candidate } = options.sides;
  const files = { baseline: baseline.load.baseUrl, candidate: candidate.load.baseUrl };
  await emitComparison(comparison, files, options.verdict, ctx);
}
