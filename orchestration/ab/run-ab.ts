/**
 * `scalebench ab <baseline-url> <candidate-url>`: both sides measured in one job, their trials
 * interleaved (A B A B …, or a balanced seeded random order) so drift on a shared runner hits both
 * alike; optionally each side's server started from a command and stopped after. The flags are parsed,
 * and the verdict printed, in cli/ab.ts.
 */

import { describePlan } from '../../load-model/plan/describe-plan.ts';
import type { LoadPlan } from '../../load-model/plan/load-plan.ts';
import type { LoadRunOptions } from '../../load-model/types.ts';
import { type Comparison, compareSampleSets } from '../../reports/compare/compare.ts';
import type { MetricDefinition } from '../../reports/compare/metrics.ts';
import { collectEnvironment } from '../../results/environment.ts';
import { writeAbResultsFile } from '../../results/files.ts';
import type { AbResults, AbTrial, Summary } from '../../results/schema.ts';
import { SCHEMA_VERSION } from '../../results/schema-version.ts';
import { assertReachable } from '../bench/assert-reachable.ts';
import { formatTrialLine } from '../progress/trial-spread.ts';
import type { RunContext } from '../run-context.ts';
import { type AbSide, alternateOrder, balancedRandomOrder } from '../trials/ab-order.ts';
import { runTrials } from '../trials/run-trials.ts';
import { startSideServer } from '../trials/side-server.ts';

export interface AbOptions {
  sides: Record<AbSide, { load: LoadRunOptions; plan: LoadPlan; command: string | null }>;
  trials: number;
  pauseMs: number;
  order: AbResults['order'];
  readyTimeoutMs: number;
  jsonPath: string | undefined;
  quiet: boolean;
}

/** the trials as they ran (in `order`), and whether all of them did */
export interface AbRace {
  order: AbSide[];
  trials: AbTrial[];
  complete: boolean;
}

function runOrder(options: AbOptions): AbSide[] {
  return options.order.mode === 'random'
    ? balancedRandomOrder(options.trials, options.order.seed ?? 1)
    : alternateOrder(options.trials);
}

/** starts the sides that have a command (baseline first), then checks both URLs answer */
async function startSides(
  options: AbOptions,
  ctx: RunContext,
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
async function raceSides(options: AbOptions, order: AbSide[], say: (text: string) => void, ctx: RunContext) {
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

/**
 * Runs both sides' trials in their order with the sides' servers up; the results file is rewritten after
 * each trial and once more at the end. `say` takes the progress lines.
 */
export async function raceAb(
  options: AbOptions,
  say: (text: string) => void,
  ctx: RunContext,
): Promise<AbRace> {
  const order = runOrder(options);
  const { trials, complete } = await raceSides(options, order, say, ctx);
  if (options.jsonPath)
    await writeAbResultsFile(options.jsonPath, toAbResults(options, trials, !complete, ctx.cwd));
  return { order, trials, complete };
}

export function sideSummaries(trials: AbTrial[], side: AbSide): Summary[] {
  return trials.filter((trial) => trial.side === side).map((trial) => trial.summary);
}

/** the candidate's trials against the baseline's, as `compare` judges sample sets */
export function compareSides(
  trials: AbTrial[],
  judge: { threshold: number; metrics: MetricDefinition[] },
): Comparison {
  const invalid = trials.filter((trial) => !trial.summary.valid).length;
  const warnings =
    invalid > 0 ? [`${invalid} trial(s) invalid: the load generator could not keep its schedule`] : [];
  return compareSampleSets(
    [{ key: 'bench', summaries: sideSummaries(trials, 'baseline') }],
    [{ key: 'bench', summaries: sideSummaries(trials, 'candidate') }],
    warnings,
    { threshold: judge.threshold, metrics: judge.metrics },
  );
}
