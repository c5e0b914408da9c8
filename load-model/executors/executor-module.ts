/**
 * What one executor owns, start to end (k6 lib/executor/*.go: one file per executor): its config's
 * checks, its compiled plan (durations in ms, defaults applied), the shape of its load, its VU pool,
 * its plan sentence, its split across worker threads and shards, and its k6 scenario. registry.ts lists
 * them; nothing else switches on the executor's name.
 */
import type { Check, Obj } from '../check.ts';

/** one piece of a load's shape: its level (rate per timeUnit, or VUs) goes linearly from → to */
export interface Level {
  durationMs: number;
  from: number;
  to: number;
}

/** VUs an executor may use: k6's preAllocatedVUs / maxVUs (closed models: their peak VU count) */
export interface VuPoolSize {
  preAllocated: number;
  max: number;
}

/** a k6 scenario as written into `options.scenarios`, without its gracefulStop (the plan's) */
export type K6Scenario = Record<string, unknown> & { executor: string };

/** C: the config as written (durations as '30s' or ms); P: it compiled */
export interface ExecutorModule<C extends { executor: string }, P extends { executor: C['executor'] }> {
  readonly name: C['executor'];
  /** open: iterations start on a schedule (arrival rate); closed: a VU starts its next when one ends */
  readonly model: 'open' | 'closed';
  /** the config's fields (k6's names), for error messages and docs */
  readonly fields: readonly string[];
  /** a valid config, for docs and the registry's test */
  readonly example: C;
  /** every problem of the config, with its path under `where`, into check */
  validate(config: Obj, check: Check, where: string): void;
  /** a valid config compiled: durations in ms, defaults applied */
  normalize(config: C): P;
  /** ms per rate unit (open models' timeUnit); 1 for closed models */
  unitMs(plan: P): number;
  /** the load's shape over time, warm-up excluded */
  levels(plan: P): Level[];
  /** the most iterations per second the schedule asks for (0 for closed models) */
  peakRatePerSecond(plan: P): number;
  vuPool(plan: P): VuPoolSize;
  /** e.g. '200 iterations/s for 30s (open model, 20–200 VUs)' */
  describe(plan: P): string;
  /** share `index` of `count` (worker threads, shards): rates divided, VU counts shared out */
  split(plan: P, index: number, count: number): P;
  /** a share with no VUs has nothing to run */
  hasWork(plan: P): boolean;
  k6Scenario(plan: P): K6Scenario;
}
