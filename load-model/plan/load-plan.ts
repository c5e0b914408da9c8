/**
 * The load plan: load options compiled once at the edge (bench's flags, an experiment's profile, a
 * caller's options) into durations in ms with every default applied. The engine, the pacer, the
 * exporters and the reports read the plan and never parse a duration or pick a default again.
 */
import type { ExecutorPlan } from '../executors/registry.ts';
import type { HttpClientKind, LoadRunOptions, TargetPick } from '../types.ts';

/** the timing of a load: its executor compiled, warm-up, request timeout, graceful stop */
export interface LoadSchedule {
  executor: ExecutorPlan;
  /** run before the measured part at the model's initial level */
  warmupMs: number;
  /** per request */
  timeoutMs: number;
  /** time allowed for in-flight iterations after the end (default: the request timeout + 1 s) */
  gracefulStopMs: number;
}

/** compiled away: durations (now in ms) and the options whose defaults the plan applies */
type Compiled =
  | 'executor'
  | 'warmup'
  | 'timeout'
  | 'gracefulStop'
  | 'workers'
  | 'client'
  | 'targetPick'
  | 'servedByHeader'
  | 'flowParams';

export interface LoadPlan extends LoadSchedule, Omit<LoadRunOptions, Compiled> {
  /** worker threads splitting the load */
  workers: number;
  client: HttpClientKind;
  targetPick: TargetPick;
  /** response header naming the backend instance, lower case */
  servedByHeader: string;
  flowParams: Record<string, unknown>;
}

/**
 * A load plan before its target's address is known: a `run` variant's trial or capacity step, compiled
 * before anything starts; its target's URL is set when the target runs (`{ ...template, baseUrl }`).
 */
export type LoadTemplate = Omit<LoadPlan, 'baseUrl'>;

/** LoadRunOptions.timeout when none is given: 10 s per request */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** LoadRunOptions.servedByHeader when none is given */
export const DEFAULT_SERVED_BY_HEADER = 'x-served-by';
/** the graceful stop when none is given: the request timeout and a second more */
export const GRACEFUL_STOP_BEYOND_TIMEOUT_MS = 1000;
