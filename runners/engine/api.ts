/**
 * The engine's public surface, in one place for the experiments, the bench command and benchmarks.
 * Explicit re-exports only.
 */

export { defineFlow } from '../flows/define-flow.ts';
export type {
  FlowDefinition,
  FlowRequest,
  FlowResponse,
  PollOptions,
  PollResult,
  StepOptions,
  VirtualUser,
} from '../flows/types.ts';
export { describePlan } from '../load-models/describe.ts';
export type { ExecutorConfig, FlowRef, LoadRunOptions, SingleRequestSpec } from '../load-models/types.ts';
export { type Validation, validateLoadOptions } from '../load-models/validate.ts';
export type { RunOutcome } from './build-outcome.ts';
export { type Clock, systemClock } from './clock.ts';
export { createManualClock, type ManualClock } from './manual-clock.ts';
export type { ProgressPoint } from './progress-point.ts';
export { assertLoadOptions, type LoadHooks, runLoad } from './run-load.ts';
