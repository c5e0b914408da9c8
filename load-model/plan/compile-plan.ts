/**
 * The plan compiler: load options (from bench's flags, an experiment's profile, a caller) are checked
 * — every error at once, with its path — and compiled into a LoadPlan (or, for `run`, whose targets
 * start later, a LoadTemplate, and the fault times and capacity steps of its experiments). The one place
 * below the CLI's flag parsing where durations are read and defaults applied.
 */
import { ScalebenchError } from '../../core/errors.ts';
import { type DurationInput, durationMs, toMs } from '../duration.ts';
import { type ExecutorPlan, executorFor } from '../executors/registry.ts';
import type { ExecutorConfig, LoadRunOptions } from '../types.ts';
import { type Validation, validateLoadOptions } from '../validate.ts';
import {
  DEFAULT_SERVED_BY_HEADER,
  DEFAULT_TIMEOUT_MS,
  GRACEFUL_STOP_BEYOND_TIMEOUT_MS,
  type LoadPlan,
  type LoadSchedule,
  type LoadTemplate,
} from './load-plan.ts';

/** the address load options are checked with when their target's is known only once it runs */
const STAND_IN_URL = 'http://127.0.0.1:1/';

/** what a schedule is compiled from (an experiment's profile and timeout, or load options) */
export interface ScheduleInput {
  executor: ExecutorConfig;
  warmup?: DurationInput | undefined;
  timeout?: DurationInput | undefined;
  gracefulStop?: DurationInput | undefined;
}

/** A valid executor compiled: durations in ms, defaults applied. */
export function compileExecutor(config: ExecutorConfig): ExecutorPlan {
  return executorFor(config).normalize(config);
}

/** A valid executor and its timing, compiled. */
export function compileSchedule(input: ScheduleInput): LoadSchedule {
  const timeoutMs = toMs(input.timeout, DEFAULT_TIMEOUT_MS);
  return {
    executor: compileExecutor(input.executor),
    warmupMs: toMs(input.warmup, 0),
    timeoutMs,
    gracefulStopMs: toMs(input.gracefulStop, timeoutMs + GRACEFUL_STOP_BEYOND_TIMEOUT_MS),
  };
}

/** Valid load options compiled. */
function compileOptions(options: LoadRunOptions): LoadPlan {
  const { executor, warmup, timeout, gracefulStop, workers, client, targetPick, servedByHeader, ...rest } =
    options;
  return {
    ...rest,
    ...compileSchedule({ executor, warmup, timeout, gracefulStop }),
    workers: workers ?? 1,
    client: client ?? 'raw',
    targetPick: targetPick ?? 'round-robin',
    servedByHeader: (servedByHeader ?? DEFAULT_SERVED_BY_HEADER).toLowerCase(),
    flowParams: options.flowParams ?? {},
  };
}

/** Load options checked (every error, with its path) and compiled. */
export function compileLoadPlan(input: unknown): Validation<LoadPlan> {
  const result = validateLoadOptions(input);
  return result.ok ? { ok: true, value: compileOptions(result.value) } : result;
}

/** Load options whose target is known only once it runs (a run's variant), checked and compiled without it. */
export function compileLoadTemplate(input: Omit<LoadRunOptions, 'baseUrl'>): Validation<LoadTemplate> {
  const result = compileLoadPlan({ ...input, baseUrl: STAND_IN_URL });
  if (!result.ok) return result;
  const { baseUrl: _standIn, ...template } = result.value;
  return { ok: true, value: template };
}

/** One duration of a config at `path` (a fault's time, a capacity step) in ms; `fallback` when not given. */
export function compileDuration(value: unknown, path: string, fallback?: number): Validation<number> {
  if (value === undefined && fallback !== undefined) return { ok: true, value: fallback };
  const ms = durationMs(value);
  if (ms !== null) return { ok: true, value: ms };
  return {
    ok: false,
    errors: [`${path} ${JSON.stringify(value)} is not a duration (use 250ms, 30s, 2m, 1h)`],
  };
}

/** compileLoadPlan, throwing SB_ERR_INVALID_CONFIG with every problem when the options are not valid. */
export function assertLoadPlan(input: unknown): LoadPlan {
  const result = compileLoadPlan(input);
  if (!result.ok) {
    throw new ScalebenchError('SB_ERR_INVALID_CONFIG', `invalid load options: ${result.errors.join('; ')}`, {
      hint: 'fix every listed field; see describePlan() for what a valid plan looks like',
    });
  }
  return result.value;
}
