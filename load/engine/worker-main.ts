/** Inside a worker thread: wait for the common start, run this thread's share, post the report. */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { isScalebenchError } from '../../core/errors.ts';
import { systemClock } from './clock.ts';
import { runThread } from './run-thread.ts';
import type { FromWorker, ToWorker, WorkerInput } from './worker-protocol.ts';

const port = parentPort!;
const input = workerData as WorkerInput;
const controller = new AbortController();
const post = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'stop') controller.abort();
  if (message.type === 'start') void run(message.startEpochMs - performance.timeOrigin);
});

async function run(startAt: number): Promise<void> {
  try {
    const report = await runThread({
      options: input.options,
      executor: input.executor,
      sockets: input.sockets,
      dataSlice: input.dataSlice,
      clock: systemClock,
      startAt,
      signal: controller.signal,
      encodeSeconds: true,
      onSecond: (point) => post({ type: 'second', point }),
    });
    post({ type: 'done', report });
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    post(
      isScalebenchError(error)
        ? { type: 'error', message, code: error.code, ...(error.hint ? { hint: error.hint } : {}) }
        : { type: 'error', message },
    );
  }
}

post({ type: 'ready' });
