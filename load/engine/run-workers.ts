/**
 * N worker threads split the load (each executor module's split), start together at a common wall-clock instant,
 * and post their reports; encoded histograms merge exactly. Per-second points are merged live once
 * every worker has reported that second.
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { type ThreadEntry, threadEntry } from '../../core/entry-points.ts';
import { ScalebenchError } from '../../core/errors.ts';
import { executorOf } from '../../load-model/executors/registry.ts';
import type { LoadPlan } from '../../load-model/plan/load-plan.ts';
import type { SeriesPoint } from '../../results/schema.ts';
import { socketBudget } from './feasibility.ts';
import { mergeReports, mergeSecond } from './merge-reports.ts';
import { readOpenFileLimit } from './open-file-limit.ts';
import type { SecondPoint } from './second-buckets.ts';
import type { ThreadReport } from './thread-report.ts';
import type { FromWorker, ToWorker, WorkerInput } from './worker-protocol.ts';

const START_DELAY_MS = 100;

class LiveSeconds {
  private readonly pending = new Map<number, SecondPoint[]>();
  constructor(
    private readonly workers: number,
    private readonly emit: (point: SeriesPoint) => void,
  ) {}
  add(point: SecondPoint): void {
    const list = this.pending.get(point.second) ?? [];
    list.push(point);
    this.pending.set(point.second, list);
    if (list.length === this.workers) this.flushUpTo(point.second);
  }
  flushUpTo(second: number): void {
    for (const key of [...this.pending.keys()].sort((a, b) => a - b)) {
      if (key > second) break;
      this.emit(mergeSecond(key, this.pending.get(key)!));
      this.pending.delete(key);
    }
  }
}

function startWorker(entry: ThreadEntry, input: WorkerInput, live: LiveSeconds) {
  const worker = new Worker(entry.filename, { eval: entry.eval, workerData: input });
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    onReady = resolve;
  });
  const done = new Promise<ThreadReport>((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') onReady();
      else if (message.type === 'second') live.add(message.point);
      else if (message.type === 'done') resolve(message.report);
      else
        reject(
          new ScalebenchError('SB_ERR_INVALID_CONFIG', `worker failed: ${message.message}`, {
            hint: message.hint ?? 'rerun with --workers 1 to see the error directly',
          }),
        );
    });
    worker.on('error', (error) =>
      reject(new ScalebenchError('SB_ERR_INTERNAL', `worker crashed: ${error.message}`)),
    );
    worker.on('exit', (code) =>
      reject(new ScalebenchError('SB_ERR_INTERNAL', `worker exited early with code ${code}`)),
    );
  });
  return { worker, ready, done, send: (message: ToWorker) => worker.postMessage(message) };
}

export async function runWorkers(
  options: LoadPlan,
  count: number,
  hooks: {
    signal?: AbortSignal;
    onSecond: (point: SeriesPoint) => void;
    /** hears offset 0 as performance.now() time, once the common start is fixed */
    onStart?: (startAt: number) => void;
  },
): Promise<ThreadReport> {
  const module = executorOf(options.executor);
  const executors = Array.from({ length: count }, (_, index) =>
    module.split(options.executor, index, count),
  ).filter((share) => module.hasWork(share));
  const live = new LiveSeconds(executors.length, hooks.onSecond);
  const workerOptions: LoadPlan = { ...options, workers: 1 };
  const entry = threadEntry('load/engine/worker-main.ts');
  // the threads share one process's open-file limit
  const sockets = Math.max(1, Math.floor(socketBudget(readOpenFileLimit()) / executors.length));
  // each thread owns its own rows of a unique data file: this process's slice, split once more
  const slice = options.dataSlice ?? { index: 0, count: 1 };
  const started = executors.map((executor, index) =>
    startWorker(
      entry,
      {
        options: workerOptions,
        executor,
        sockets,
        dataSlice: { index: slice.index * executors.length + index, count: slice.count * executors.length },
      },
      live,
    ),
  );
  const stop = () => {
    for (const worker of started) worker.send({ type: 'stop' });
  };
  hooks.signal?.addEventListener('abort', stop, { once: true });
  try {
    await Promise.race([
      Promise.all(started.map((worker) => worker.ready)),
      Promise.all(started.map((w) => w.done)),
    ]);
    const startEpochMs = performance.timeOrigin + performance.now() + START_DELAY_MS;
    for (const worker of started) worker.send({ type: 'start', startEpochMs });
    hooks.onStart?.(startEpochMs - performance.timeOrigin);
    const reports = await Promise.all(started.map((worker) => worker.done));
    live.flushUpTo(Number.POSITIVE_INFINITY);
    return mergeReports(reports);
  } finally {
    hooks.signal?.removeEventListener('abort', stop);
    await Promise.all(started.map((worker) => worker.worker.terminate()));
  }
}
