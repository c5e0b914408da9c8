/** ramping-vus: the number of looping virtual users goes linearly from startVUs through each stage's target. */
import type { DurationInput } from '../duration.ts';
import type { ExecutorModule } from './executor-module.ts';
import { compileStages, describeStages, k6Stages, type StagePlan, shareOf, stageLevels } from './stages.ts';

export interface VuStage {
  duration: DurationInput;
  /** number of VUs reached (linearly) at the end of the stage */
  target: number;
}

export interface RampingVus {
  executor: 'ramping-vus';
  startVUs?: number;
  stages: VuStage[];
}

export interface RampingVusPlan {
  executor: 'ramping-vus';
  startVUs: number;
  stages: StagePlan[];
}

type Plan = RampingVusPlan;

const peakVus = (plan: Plan) => Math.max(plan.startVUs, ...plan.stages.map((stage) => stage.target));

export const rampingVus: ExecutorModule<RampingVus, Plan> = {
  name: 'ramping-vus',
  model: 'closed',
  fields: ['startVUs', 'stages'],
  example: { executor: 'ramping-vus', stages: [{ duration: '1m', target: 10 }] },
  validate(config, check, where) {
    check.number(config, 'startVUs', where, { min: 0, integer: true, optional: true });
    check.stages(config, where, true);
  },
  normalize: (config) => ({
    executor: 'ramping-vus',
    startVUs: config.startVUs ?? 1,
    stages: compileStages(config.stages),
  }),
  unitMs: () => 1,
  levels: (plan) => stageLevels(plan.startVUs, plan.stages),
  peakRatePerSecond: () => 0,
  vuPool: (plan) => ({ preAllocated: peakVus(plan), max: peakVus(plan) }),
  describe: (plan) =>
    `virtual users ramping from ${plan.startVUs} to ${describeStages(plan.stages)} (closed model)`,
  split: (plan, index, count) =>
    count === 1
      ? plan
      : {
          ...plan,
          startVUs: shareOf(plan.startVUs, index, count),
          stages: plan.stages.map((stage) => ({ ...stage, target: shareOf(stage.target, index, count) })),
        },
  hasWork: (plan) => plan.startVUs > 0 || plan.stages.some((stage) => stage.target > 0),
  k6Scenario: (plan) => ({
    executor: plan.executor,
    startVUs: plan.startVUs,
    stages: k6Stages(plan.stages),
  }),
};
