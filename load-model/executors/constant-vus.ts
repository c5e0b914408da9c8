/** constant-vus: `vus` virtual users, each starting its next iteration when one ends, for `duration`. */
import { type DurationInput, formatDuration, toMs } from '../duration.ts';
import type { ExecutorModule } from './executor-module.ts';
import { shareOf } from './stages.ts';

export interface ConstantVus {
  executor: 'constant-vus';
  vus: number;
  duration: DurationInput;
}

export interface ConstantVusPlan {
  executor: 'constant-vus';
  vus: number;
  durationMs: number;
}

type Plan = ConstantVusPlan;

export const constantVus: ExecutorModule<ConstantVus, Plan> = {
  name: 'constant-vus',
  model: 'closed',
  fields: ['vus', 'duration'],
  example: { executor: 'constant-vus', vus: 10, duration: '30s' },
  validate(config, check, where) {
    check.number(config, 'vus', where, { min: 1, integer: true });
    check.duration(config, 'duration', where, { positive: true });
  },
  normalize: (config) => ({
    executor: 'constant-vus',
    vus: config.vus,
    durationMs: toMs(config.duration, 0),
  }),
  unitMs: () => 1,
  levels: (plan) => [{ durationMs: plan.durationMs, from: plan.vus, to: plan.vus }],
  peakRatePerSecond: () => 0,
  vuPool: (plan) => ({ preAllocated: plan.vus, max: plan.vus }),
  describe: (plan) =>
    `${plan.vus} virtual users looping for ${formatDuration(plan.durationMs)} (closed model)`,
  split: (plan, index, count) => (count === 1 ? plan : { ...plan, vus: shareOf(plan.vus, index, count) }),
  hasWork: (plan) => plan.vus > 0,
  k6Scenario: (plan) => ({
    executor: plan.executor,
    vus: plan.vus,
    duration: formatDuration(plan.durationMs),
  }),
};
