/**
 * An experiment's load profile as k6 `options`: its executor as the one scenario (k6 names and shapes
 * already, durations written as k6 strings, VU pool defaults made explicit because k6 requires
 * preAllocatedVUs) and its thresholds copied as they are (k6 syntax already).
 */

import { durationMs, formatDuration, toMs } from '../../load-model/duration.ts';
import { DEFAULT_TIMEOUT_MS, type DurationInput, type ExecutorConfig } from '../../load-model/types.ts';
import { vuPoolSize } from '../../runners/load-models/vu-pool-size.ts';
import { type ExperimentDefinition, type ProfileName, profileLoad } from '../../scenarios/types.ts';

export type K6Scenario = Record<string, unknown> & { executor: string };

export interface K6Options {
  scenarios: Record<string, K6Scenario>;
  thresholds: Record<string, string[]>;
}

const k6Duration = (input: DurationInput) => formatDuration(durationMs(input) ?? 0);
const stagesOf = (stages: { duration: DurationInput; target: number }[]) =>
  stages.map((stage) => ({ duration: k6Duration(stage.duration), target: stage.target }));

/** Our executor → a k6 scenario; gracefulStop mirrors ours (the request timeout + 1 s). */
export function k6Scenario(executor: ExecutorConfig, timeout: DurationInput | undefined): K6Scenario {
  const gracefulStop = formatDuration(toMs(timeout, DEFAULT_TIMEOUT_MS) + 1000);
  const pool = vuPoolSize(executor);
  switch (executor.executor) {
    case 'constant-arrival-rate':
      return {
        executor: executor.executor,
        rate: executor.rate,
        timeUnit: k6Duration(executor.timeUnit ?? '1s'),
        duration: k6Duration(executor.duration),
        preAllocatedVUs: pool.preAllocated,
        maxVUs: pool.max,
        gracefulStop,
      };
    case 'ramping-arrival-rate':
      return {
        executor: executor.executor,
        startRate: executor.startRate ?? 0,
        timeUnit: k6Duration(executor.timeUnit ?? '1s'),
        stages: stagesOf(executor.stages),
        preAllocatedVUs: pool.preAllocated,
        maxVUs: pool.max,
        gracefulStop,
      };
    case 'constant-vus':
      return {
        executor: executor.executor,
        vus: executor.vus,
        duration: k6Duration(executor.duration),
        gracefulStop,
      };
    case 'ramping-vus':
      return {
        executor: executor.executor,
        startVUs: executor.startVUs ?? 1,
        stages: stagesOf(executor.stages),
        gracefulStop,
      };
  }
}

export function k6Options(experiment: ExperimentDefinition, profile: ProfileName): K6Options {
  const load = profileLoad(experiment, profile);
  return {
    scenarios: { [experiment.name]: k6Scenario(load.executor, experiment.timeout) },
    thresholds: Object.fromEntries(
      Object.entries(experiment.thresholds ?? {}).map(([metric, expressions]) => [metric, [...expressions]]),
    ),
  };
}
