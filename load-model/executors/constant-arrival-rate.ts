/** constant-arrival-rate: `rate` iterations started per timeUnit for `duration`, whatever the target does. */
import { type DurationInput, formatDuration, toMs } from '../duration.ts';
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

export interface ConstantArrivalRate {
  executor: 'constant-arrival-rate';
  /** iterations started per timeUnit */
  rate: number;
  timeUnit?: DurationInput;
  duration: DurationInput;
  preAllocatedVUs?: number;
  maxVUs?: number;
}

export interface ConstantArrivalRatePlan extends GivenPool {
  executor: 'constant-arrival-rate';
  rate: number;
  timeUnitMs: number;
  durationMs: number;
}

type Plan = ConstantArrivalRatePlan;

const levels = (plan: Plan) => [{ durationMs: plan.durationMs, from: plan.rate, to: plan.rate }];
const vuPool = (plan: Plan) => openVuPool(plan, peakPerSecond(levels(plan), plan.timeUnitMs));

export const constantArrivalRate: ExecutorModule<ConstantArrivalRate, Plan> = {
  name: 'constant-arrival-rate',
  model: 'open',
  fields: ['rate', 'timeUnit', 'duration', 'preAllocatedVUs', 'maxVUs'],
  example: { executor: 'constant-arrival-rate', rate: 200, duration: '30s' },
  validate(config, check, where) {
    check.positive(config, 'rate', where);
    check.duration(config, 'timeUnit', where, { optional: true, positive: true });
    check.duration(config, 'duration', where, { positive: true });
    checkVuPool(check, config, where);
  },
  normalize: (config) => ({
    executor: 'constant-arrival-rate',
    rate: config.rate,
    timeUnitMs: timeUnitMs(config.timeUnit),
    durationMs: toMs(config.duration, 0),
    ...givenPool(config),
  }),
  unitMs: (plan) => plan.timeUnitMs,
  levels,
  peakRatePerSecond: (plan) => peakPerSecond(levels(plan), plan.timeUnitMs),
  vuPool,
  describe: (plan) =>
    `${plan.rate} iterations${perUnit(plan.timeUnitMs)} for ${formatDuration(plan.durationMs)} (${describePool(vuPool(plan))})`,
  split: (plan, _index, count) =>
    count === 1 ? plan : { ...plan, rate: plan.rate / count, ...splitPool(plan, count) },
  hasWork: () => true,
  k6Scenario: (plan) => {
    const pool = vuPool(plan);
    return {
      executor: plan.executor,
      rate: plan.rate,
      timeUnit: formatDuration(plan.timeUnitMs),
      duration: formatDuration(plan.durationMs),
      preAllocatedVUs: pool.preAllocated,
      maxVUs: pool.max,
    };
  },
};
