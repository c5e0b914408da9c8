/**
 * `scalebench run [experiment...]`: the experiment suite end to end. Starts each variant's target,
 * drives load, injects faults, and rewrites results.json and the reports after every trial, so Ctrl-C
 * leaves a valid partial report. Exit 1 when a threshold failed or the generator saturated.
 */
import { join, relative, resolve } from 'node:path';
import { ExitCode, ScalebenchError } from '../core/errors.ts';
import { durationMs } from '../load-model/duration.ts';
import { type LiveOptions, startLiveOutputs } from '../orchestration/live/live-outputs.ts';
import { DEFAULT_RATE_FRACTION } from '../orchestration/run/comparison-rate.ts';
import { compileSuite } from '../orchestration/run/compile-suite.ts';
import { checkVariantNames, loadExperiments, selectExperiments } from '../orchestration/run/load-config.ts';
import { type PersistStage, runSuite } from '../orchestration/run/run-suite.ts';
import type { SuiteRequest } from '../orchestration/run/suite-plan.ts';
import { createSuiteProgress } from '../orchestration/run/suite-progress.ts';
import { ensureDockerEngine } from '../orchestration/stack/docker.ts';
import { parseFormats } from '../reports/registry.ts';
import type { ReportFormat } from '../reports/reporter.ts';
import { writeReports } from '../reports/write-reports.ts';
import { notEnoughText } from '../results/evidence.ts';
import { EVENTS_FILE_NAME } from '../results/live-events.ts';
import type { SuiteResults } from '../results/schema.ts';
import { variantVerdict } from '../results/variant-verdicts.ts';
import type { ExperimentDefinition, ProfileName } from '../scenarios/types.ts';
import { workshopExperiment } from '../scenarios/workshop.ts';
import { parseServerSize, type ServerSizeRequest } from '../targets/sizing/server-size.ts';
import type { CliContext } from './context.ts';
import { type LiveFlags, parseLiveOptions, splitOutputs } from './live-flags.ts';
import { parseNumber } from './parse.ts';
import { parseRemoteWrite, type RemoteWriteFlags } from './remote-write-options.ts';
import { parseRunProfile } from './run-profile.ts';
import { runSummary } from './run-summary.ts';

export interface RunFlags extends LiveFlags, RemoteWriteFlags {
  quick?: boolean;
  /** --profile quick|full|workshop; --demo: workshop */
  profile?: string;
  demo?: boolean;
  trials?: string;
  /** the output folder, and any prometheus=URL outputs (repeatable) */
  out?: string | string[];
  config?: string;
  variant?: string[];
  findCapacity?: boolean;
  rate?: string;
  rateFraction?: string;
  format: string;
  stack: string;
  quiet?: boolean;
  serverSize?: string;
  maxBody?: string;
  replicaDelay?: string;
}

export interface RunOptions {
  experiments: string[];
  profile: ProfileName;
  /** the workshop profile (--profile workshop, --demo): the quick variants stretched for a room */
  workshop: boolean;
  trials: number;
  outDir: string;
  configPath: string | undefined;
  variants: string[];
  /** --find-capacity true, --no-find-capacity false, else undefined: the profile decides */
  findCapacity: boolean | undefined;
  /** --rate: one fixed comparison rate; undefined: derived from the capacities measured */
  rate: number | undefined;
  /** --rate-fraction: the share of the smallest capacity the variants are compared at */
  rateFraction: number;
  formats: ReportFormat[];
  stack: 'local' | 'docker';
  quiet: boolean;
  /** --server-size; undefined: each experiment's own size */
  serverSize: ServerSizeRequest | undefined;
  /** --max-body: the most body bytes a flow keeps of one response; undefined: each experiment's own */
  maxBody: number | undefined;
  /** --replica-delay in ms; undefined: the experiment's own */
  replicaDelayMs: number | undefined;
  /** --dashboard, --out prometheus=URL */
  live: LiveOptions;
}

export const DEFAULT_RUN_OUT = 'scalebench-results';

/** --out DIR (once at most) and --out prometheus=URL */
function parseOut(out: RunFlags['out']): { dir: string; prometheus: string | null } {
  const { prometheus, rest } = splitOutputs(out === undefined ? [] : typeof out === 'string' ? [out] : out);
  if (rest.length > 1) {
    throw new ScalebenchError(
      'SB_ERR_INVALID_ARGUMENT',
      `--out names ${rest.length} folders: ${rest.join(', ')}`,
      {
        hint: 'give one output folder; other --out values must be prometheus=URL',
      },
    );
  }
  return { dir: rest[0] ?? DEFAULT_RUN_OUT, prometheus };
}

/** trials per variant unless --trials says otherwise */
const TRIALS: Record<ProfileName, number> = { quick: 1, default: 3, full: 5 };

export function parseRunOptions(experiments: string[], flags: RunFlags, ctx: CliContext): RunOptions {
  if (flags.stack !== 'local' && flags.stack !== 'docker') {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `--stack '${flags.stack}' is not local or docker`, {
      hint: 'use --stack local (processes on this machine, the default) or --stack docker',
    });
  }
  const { profile, workshop } = parseRunProfile(flags);
  const out = parseOut(flags.out);
  return {
    experiments,
    profile,
    workshop,
    trials:
      flags.trials === undefined
        ? TRIALS[profile]
        : parseNumber(flags.trials, '--trials', { min: 1, integer: true }),
    outDir: resolve(ctx.cwd, out.dir),
    configPath: flags.config,
    variants: flags.variant ?? [],
    findCapacity: flags.findCapacity,
    rate: flags.rate === undefined ? undefined : parseRate(flags.rate),
    rateFraction:
      flags.rateFraction === undefined ? DEFAULT_RATE_FRACTION : parseRateFraction(flags.rateFraction),
    formats: parseFormats(flags.format),
    stack: flags.stack,
    quiet: Boolean(flags.quiet),
    serverSize: flags.serverSize === undefined ? undefined : parseServerSize(flags.serverSize),
    maxBody:
      flags.maxBody === undefined
        ? undefined
        : parseNumber(flags.maxBody, '--max-body', { min: 1, integer: true }),
    replicaDelayMs: flags.replicaDelay === undefined ? undefined : parseReplicaDelay(flags.replicaDelay),
    live: parseLiveOptions(flags, parseRemoteWrite(out.prometheus, flags, ctx.env, ctx.cwd)),
  };
}

function parseRate(text: string): number {
  const rate = parseNumber(text, '--rate');
  if (rate <= 0) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `--rate must be above 0, got ${text}`, {
      hint: 'give iterations per second, e.g. --rate 20',
    });
  }
  return rate;
}

function parseRateFraction(text: string): number {
  const fraction = parseNumber(text, '--rate-fraction');
  if (!(fraction > 0 && fraction <= 1)) {
    throw new ScalebenchError(
      'SB_ERR_INVALID_ARGUMENT',
      `--rate-fraction must be above 0 and at most 1, got ${text}`,
      { hint: 'give a share of the smallest capacity, e.g. --rate-fraction 0.7' },
    );
  }
  return fraction;
}

function parseReplicaDelay(text: string): number {
  const ms = durationMs(text);
  if (ms === null || ms > 60_000) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `bad --replica-delay '${text}'`, {
      hint: "give a duration from 0ms to 60s, e.g. '20ms', '0ms' or '1s'",
    });
  }
  return ms;
}

/** every variant that runs a replica (its env sets REPLICA_APPLY_DELAY_MS) gets the delay asked for */
function withReplicaDelay<T extends { experiment: ExperimentDefinition }>(
  loaded: T,
  delayMs: number | undefined,
): T {
  if (delayMs === undefined) return loaded;
  const variants = loaded.experiment.variants.map((variant) =>
    variant.env?.REPLICA_APPLY_DELAY_MS === undefined
      ? variant
      : { ...variant, env: { ...variant.env, REPLICA_APPLY_DELAY_MS: String(delayMs) } },
  );
  return { ...loaded, experiment: { ...loaded.experiment, variants } };
}

function exitCodeFor(results: SuiteResults, ctx: CliContext): number {
  const variants = results.experiments.flatMap((experiment) =>
    experiment.variants.map((variant) => ({ experiment: experiment.name, variant })),
  );
  const failed = variants.flatMap(({ experiment, variant }) =>
    variant.thresholds
      .filter((t) => !t.passed)
      .map(
        (t) => `${experiment}/${variant.name}: ${t.metric} ${t.expression} (actual ${t.actual ?? 'missing'})`,
      ),
  );
  const invalid = variants.filter(({ variant }) => variant.trials.some((trial) => !trial.summary.valid));
  for (const line of failed) ctx.stderr(`threshold failed: ${line}\n`);
  // neither passed nor failed: a threshold on a failure count judged on too few cases (results/evidence.ts)
  for (const { experiment, variant } of variants) {
    // a count that failed (lost > 0) needs no more evidence: it failed
    for (const { threshold, evidence } of variantVerdict(variant).withoutEvidence.filter(
      (t) => t.threshold.passed,
    ))
      ctx.stderr(
        `threshold not judged: ${experiment}/${variant.name}: ${threshold.metric} ${threshold.expression} (${notEnoughText(evidence)})\n`,
      );
  }
  for (const { experiment, variant } of invalid) {
    ctx.stderr(
      `INVALID: ${experiment}/${variant.name}: the load generator saturated; its figures understate latency\n`,
    );
  }
  if (!results.complete) return ExitCode.interrupted;
  return failed.length > 0 || invalid.length > 0 ? ExitCode.failed : ExitCode.ok;
}

/**
 * What `run` asks of the suite: the selected experiments as --max-body, --replica-delay and the workshop
 * profile change them, and the flags that shape the run.
 */
export async function suiteRequest(options: RunOptions, ctx: CliContext): Promise<SuiteRequest> {
  const all = await loadExperiments(ctx.cwd, options.configPath);
  const maxBody = options.maxBody;
  // --max-body, --replica-delay and the workshop profile change the definition a loaded experiment carries
  const experiments = selectExperiments(all, options.experiments).map((loaded) => {
    const sized = maxBody === undefined ? loaded.experiment : { ...loaded.experiment, maxBody };
    return withReplicaDelay(
      { ...loaded, experiment: options.workshop ? workshopExperiment(sized) : sized },
      options.replicaDelayMs,
    );
  });
  checkVariantNames(experiments, options.variants);
  return {
    ...(options.serverSize ? { serverSize: options.serverSize } : {}),
    experiments,
    profile: options.profile,
    ...(options.workshop ? { label: 'workshop' } : {}),
    trials: options.trials,
    findCapacity: options.findCapacity,
    ...(options.rate === undefined ? {} : { rate: options.rate }),
    rateFraction: options.rateFraction,
    logDir: join(options.outDir, 'logs'),
    cwd: ctx.cwd,
    variants: options.variants,
    stack: options.stack,
    options: { ...withoutLive(options), outDir: relative(ctx.cwd, options.outDir) || '.' },
    env: ctx.env,
  };
}

export async function runRun(options: RunOptions, ctx: CliContext): Promise<void> {
  if (options.stack === 'docker') await ensureDockerEngine({ env: ctx.env, signal: ctx.signal });
  // every selected experiment compiled before anything starts: a typo in the last one fails here
  const plan = compileSuite(await suiteRequest(options, ctx));
  // before any target starts: a dashboard port in use is bad input
  const live = await startLiveOutputs(options.live, join(options.outDir, EVENTS_FILE_NAME), ctx);
  live.bus.subscribe(createSuiteProgress({ write: ctx.stderr, isTTY: ctx.isTTY, quiet: options.quiet }));
  const emit = live.publish;
  // after each trial only the cheap formats; charts and the HTML page (seconds each) once at the end
  const partialFormats = options.formats.filter((format) => format !== 'png' && format !== 'html');
  const persist = async (results: SuiteResults, stage: PersistStage = 'final') => {
    await writeReports(
      results,
      options.outDir,
      stage === 'final' ? options.formats : partialFormats,
      ctx.env,
    );
  };
  const results = await runSuite(plan, { signal: ctx.signal, emit, persist });
  ctx.stdout(runSummary(results, options.outDir, options.formats));
  ctx.exitCode = exitCodeFor(results, ctx);
  await live.finish(results, options.formats.includes('json') ? 'results.json' : undefined, results.complete);
}

/** the options recorded in results.json: the live outputs are how it was watched, not what was measured */
function withoutLive(options: RunOptions): Omit<RunOptions, 'live'> {
  const { live: _live, ...rest } = options;
  return rest;
}
