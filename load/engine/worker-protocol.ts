/** Messages between runLoad (main thread) and its worker threads. */
import type { ExecutorPlan } from '../../load-model/executors/registry.ts';
import type { LoadPlan } from '../../load-model/plan/load-plan.ts';
import type { SecondPoint } from './second-buckets.ts';
import type { ThreadReport } from './thread-report.ts';

export interface WorkerInput {
  options: LoadPlan;
  /** this thread's share of the load */
  executor: ExecutorPlan;
  /** this thread's share of the sockets the open-file limit allows */
  sockets: number;
  /** this thread's rows of vu.data(file, 'unique') */
  dataSlice: { index: number; count: number };
}

export type ToWorker = { type: 'start'; startEpochMs: number } | { type: 'stop' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'second'; point: SecondPoint }
  | { type: 'done'; report: ThreadReport }
  | { type: 'error'; message: string; code?: string; hint?: string };
