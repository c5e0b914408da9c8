/**
 * The engine's public surface, in one place for the experiments, the bench command and benchmarks.
 * Explicit re-exports only.
 */

export { defineFlow } from '../../load-model/flows/define-flow.ts';
export type {
  FlowDefinition,
  FlowRequest,
  FlowResponse,
  PollOptions,
  PollResult,
  StepOptions,
  VirtualUser,
} from '../../load-model/flows/types.ts';
export type { ExecutorConfig, FlowRef, LoadRunOptions, SingleRequestSpec } from '../../load-model/types.ts';
export { type Validation, validateLoadOptions } from '../../load-model/validate.ts';
export { describePlan } from '../load-models/describe.ts';
export type { RunOutcome } from './build-outcome.ts';
export { type Clock, systemClock } from './clock.ts';
export { createManualClock, type ManualClock } from './manual-clock.ts';
export type { ProgressPoint } from './progress-point.ts';
export { assertLoadOptions, type LoadHooks, runLoad } from './run-load.ts';
