/**
 * Every executor, by name: one explicit map (no registration by import side effects; k6's
 * lib/executors.go regrets its globals). Adding an executor is one module and one line here: the
 * config union the language accepts (ExecutorConfig) and the compiled one (ExecutorPlan) follow from it.
 */
import { constantArrivalRate } from './constant-arrival-rate.ts';
import { constantVus } from './constant-vus.ts';
import type { ExecutorModule } from './executor-module.ts';
import { rampingArrivalRate } from './ramping-arrival-rate.ts';
import { rampingVus } from './ramping-vus.ts';

export const executors = {
  'constant-arrival-rate': constantArrivalRate,
  'ramping-arrival-rate': rampingArrivalRate,
  'constant-vus': constantVus,
  'ramping-vus': rampingVus,
} as const;

type Registry = typeof executors;
export type ExecutorName = keyof Registry;
type ConfigOf<M> = M extends ExecutorModule<infer C, infer _P> ? C : never;
type PlanOf<M> = M extends ExecutorModule<infer _C, infer P> ? P : never;
/** an executor as written in load options and experiments (k6's names and shapes) */
export type ExecutorConfig = { [N in ExecutorName]: ConfigOf<Registry[N]> }[ExecutorName];
/** an executor compiled: durations in ms, defaults applied */
export type ExecutorPlan = { [N in ExecutorName]: PlanOf<Registry[N]> }[ExecutorName];

/** the names, in the registry's order */
export const executorNames = Object.keys(executors) as ExecutorName[];

export function isExecutorName(name: unknown): name is ExecutorName {
  return typeof name === 'string' && Object.hasOwn(executors, name);
}

/** the module of a compiled executor, typed for its plan */
export function executorOf<P extends ExecutorPlan>(plan: P): ExecutorModule<ExecutorConfig, P> {
  return executors[plan.executor] as unknown as ExecutorModule<ExecutorConfig, P>;
}

/** the module of a (valid) config, typed for it */
export function executorFor(config: ExecutorConfig): ExecutorModule<ExecutorConfig, ExecutorPlan> {
  return executors[config.executor] as unknown as ExecutorModule<ExecutorConfig, ExecutorPlan>;
}
