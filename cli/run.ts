/**
 * `scalebench run [experiment...]`: the experiment suite end to end. Starts each variant's target,
 * drives load, injects faults, and rewrites results.json and the reports after every trial, so Ctrl-C
 * leaves a valid partial report. Exit 1 when a threshold failed or the generator saturated.
 */
import { join, relative, resolve } from 'node:path';
import { ExitCode, ScalebenchError } from '../core/errors.ts';
import { parseFormats } from '../reports/registry.ts';
import type { ReportFormat } from '../reports/reporter.ts';
import { writeReports } from '../reports/write-reports.ts';
import type { SuiteResults } from '../results/schema.ts';
import {
  checkVariantNames,
  loadExperiments,
  selectExperiments,
} from '../runners/orchestration/load-config.ts';
import { type PersistStage, runSuite } from '../runners/orchestration/run-suite.ts';
import { createSuiteProgress } from '../runners/orchestration/suite-progress.ts';
import { ensureDockerEngine } from '../runners/stack/docker.ts';
import { parseServerSize, type ServerSizeRequest } from '../targets/sizing/server-size.ts';
import type { CliContext } from './context.ts';
import { parseNumber } from './parse.ts';

export interface RunFlags {
  quick?: boolean;
  trials?: string;
  out: string;
  config?: string;
  variant?: string[];
  findCapacity?: boolean;
  format: string;
  stack: string;
  quiet?: boolean;
  serverSize?: string;
  maxBody?: string;
}

export interface RunOptions {
  experiments: string[];
  profile: 'quick' | 'full';
  trials: number;
  outDir: string;
  configPath: string | undefined;
  variants: string[];
  findCapacity: boolean;
  formats: ReportFormat[];
  stack: 'local' | 'docker';
  quiet: boolean;
  /** --server-size; undefined: each experiment's own size */
  serverSize: ServerSizeRequest | undefined;
  /** --max-body: the most body bytes a flow keeps of one response; undefined: each experiment's own */
  maxBody: number | undefined;
}

export function parseRunOptions(experiments: string[], flags: RunFlags, ctx: CliContext): RunOptions {
  if (flags.stack !== 'local' && flags.stack !== 'docker') {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `--stack '${flags.stack}' is not local or docker`, {
      hint: 'use --stack local (processes on this machine, the default) or --stack docker',
    });
  }
  const profile = flags.quick ? 'quick' : 'full';
  return {
    experiments,
    profile,
    trials:
      flags.trials === undefined
        ? profile === 'quick'
          ? 1
          : 5
        : parseNumber(flags.trials, '--trials', { min: 1, integer: true }),
    outDir: resolve(ctx.cwd, flags.out),
    configPath: flags.config,
    variants: flags.variant ?? [],
    findCapacity: Boolean(flags.findCapacity),
    formats: parseFormats(flags.format),
    stack: flags.stack,
    quiet: Boolean(flags.quiet),
    serverSize: flags.serverSize === undefined ? undefined : parseServerSize(flags.serverSize),
    maxBody:
      flags.maxBody === undefined
        ? undefined
        : parseNumber(flags.maxBody, '--max-body', { min: 1, integer: true }),
  };
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
  for (const { experiment, variant } of invalid) {
    ctx.stderr(
      `INVALID: ${experiment}/${variant.name}: the load generator saturated; its figures understate latency\n`,
    );
  }
  if (!results.complete) return ExitCode.interrupted;
  return failed.length > 0 || invalid.length > 0 ? ExitCode.failed : ExitCode.ok;
}

export async function runRun(options: RunOptions, ctx: CliContext): Promise<void> {
  if (options.stack === 'docker') await ensureDockerEngine({ env: ctx.env, signal: ctx.signal });
  const all = await loadExperiments(ctx.cwd, options.configPath);
  const maxBody = options.maxBody;
  const experiments = selectExperiments(all, options.experiments).map((experiment) =>
    maxBody === undefined ? experiment : { ...experiment, maxBody },
  );
  checkVariantNames(experiments, options.variants);
  const emit = createSuiteProgress({ write: ctx.stderr, isTTY: ctx.isTTY, quiet: options.quiet });
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
  const results = await runSuite(
    {
      ...(options.serverSize ? { serverSize: options.serverSize } : {}),
      experiments,
      profile: options.profile,
      trials: options.trials,
      findCapacity: options.findCapacity,
      logDir: join(options.outDir, 'logs'),
      cwd: ctx.cwd,
      variants: options.variants,
      stack: options.stack,
      options: { ...options, outDir: relative(ctx.cwd, options.outDir) || '.' },
      env: ctx.env,
    },
    { signal: ctx.signal, emit, persist },
  );
  const shown = relative(ctx.cwd, options.outDir) || '.';
  ctx.stdout(
    `${results.complete ? 'report' : 'partial report'} written to ${shown}/ (${options.formats.join(', ')})\n`,
  );
  ctx.exitCode = exitCodeFor(results, ctx);
}
