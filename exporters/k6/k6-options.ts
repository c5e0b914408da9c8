/**
 * An experiment's load profile as k6 `options`: its compiled executor as the one scenario (its
 * module's k6 scenario: k6 names and shapes already, durations written as k6 strings, VU pool defaults
 * made explicit because k6 requires preAllocatedVUs) and its thresholds copied as they are (k6 syntax).
 */

import { formatDuration } from '../../load-model/duration.ts';
import type { K6Scenario } from '../../load-model/executors/executor-module.ts';
import { executorOf } from '../../load-model/executors/registry.ts';
import { compileSchedule } from '../../load-model/plan/compile-plan.ts';
import type { LoadSchedule } from '../../load-model/plan/load-plan.ts';
import { type ExperimentDefinition, type ProfileName, profileLoad } from '../../scenarios/types.ts';

export type { K6Scenario };

export interface K6Options {
  scenarios: Record<string, K6Scenario>;
  thresholds: Record<string, string[]>;
}

/** A compiled schedule → a k6 scenario; gracefulStop is ours (the request timeout + 1 s unless given). */
export function k6Scenario(schedule: LoadSchedule): K6Scenario {
  return {
    ...executorOf(schedule.executor).k6Scenario(schedule.executor),
    gracefulStop: formatDuration(schedule.gracefulStopMs),
  };
}

/** the experiment's load in `profile`, compiled */
export function experimentSchedule(experiment: ExperimentDefinition, profile: ProfileName): LoadSchedule {
  const load = profileLoad(experiment, profile);
  return compileSchedule({ executor: load.executor, warmup: load.warmup, timeout: experiment.timeout });
}

export function k6Options(experiment: ExperimentDefinition, profile: ProfileName): K6Options {
  return {
    scenarios: { [experiment.name]: k6Scenario(experimentSchedule(experiment, profile)) },
    thresholds: Object.fromEntries(
      Object.entries(experiment.thresholds ?? {}).map(([metric, expressions]) => [metric, [...expressions]]),
    ),
  };
}
