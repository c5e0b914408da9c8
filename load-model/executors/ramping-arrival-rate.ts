/** ramping-arrival-rate: the rate per timeUnit goes linearly from startRate through each stage's target. */
import { type DurationInput, formatDuration } from '../duration.ts';
import type { ExecutorModule } from './executor-module.ts';
import {
  checkVuPool,
  describePool,
  type GivenPool,
  givenPool,
  openVuPool,
  peakPerSecond,
  perUnit,
  splitPool,
  timeUnitMs,
} from './open-model.ts';
import { compileStages, describeStages, k6Stages, type StagePlan, stageLevels } from './stages.ts';

export interface RateStage {
  duration: DurationInput;
  /** rate reached (linearly) at the end of the stage, per timeUnit */
  target: number;
}

export interface RampingArrivalRate {
  executor: 'ramping-arrival-rate';
  startRate?: number;
  timeUnit?: DurationInput;
  stages: RateStage[];
  preAllocatedVUs?: number;
  maxVUs?: number;
}

export interface RampingArrivalRatePlan extends GivenPool {
  executor: 'ramping-arrival-rate';
  startRate: number;
  timeUnitMs: number;
  stages: StagePlan[];
}

type Plan = RampingArrivalRatePlan;

const levels = (plan: Plan) => stageLevels(plan.startRate, plan.stages);
const vuPool = (plan: Plan) => openVuPool(plan, peakPerSecond(levels(plan), plan.timeUnitMs));

export const rampingArrivalRate: ExecutorModule<RampingArrivalRate, Plan> = {
  name: 'ramping-arrival-rate',
  model: 'open',
  fields: ['startRate', 'timeUnit', 'stages', 'preAllocatedVUs', 'maxVUs'],
  example: { executor: 'ramping-arrival-rate', stages: [{ duration: '1m', target: 100 }] },
  validate(config, check, where) {
    check.number(config, 'startRate', where, { min: 0, optional: true });
    check.duration(config, 'timeUnit', where, { optional: true, positive: true });
    check.stages(config, where, false);
    checkVuPool(check, config, where);
  },
  normalize: (config) => ({
    executor: 'ramping-arrival-rate',
    startRate: config.startRate ?? 0,
    timeUnitMs: timeUnitMs(config.timeUnit),
    stages: compileStages(config.stages),
    ...givenPool(config),
  }),
  unitMs: (plan) => plan.timeUnitMs,
  levels,
  peakRatePerSecond: (plan) => peakPerSecond(levels(plan), plan.timeUnitMs),
  vuPool,
  describe: (plan) =>
    `a rate ramping from ${plan.startRate}${perUnit(plan.timeUnitMs)} to ${describeStages(plan.stages)} (${describePool(vuPool(plan))})`,
  split: (plan, _index, count) =>
    count === 1
      ? plan
      : {
          ...plan,
          startRate: plan.startRate / count,
          stages: plan.stages.map((stage) => ({ ...stage, target: stage.target / count })),
          ...splitPool(plan, count),
        },
  hasWork: () => true,
  k6Scenario: (plan) => {
    const pool = vuPool(plan);
    return {
      executor: plan.executor,
      startRate: plan.startRate,
      timeUnit: formatDuration(plan.timeUnitMs),
      stages: k6Stages(plan.stages),
      preAllocatedVUs: pool.preAllocated,
      maxVUs: pool.max,
    };
  },
};
