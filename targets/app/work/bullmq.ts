/**
 * BullMQ on Redis. A worker holds a lock on its job while it runs; when a worker is killed its lock
 * expires after `lockDuration` and another worker's stalled-job check (every `stalledInterval`) puts
 * the job back in the wait list, so it is done again — the short intervals make that take seconds.
 * The job is completed (acknowledged) only when the handler resolved, after the result was stored.
 */
import { type Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { logConnectionErrorsOnce } from '../../services/log-connection-errors.ts';
import type { JobHandler, JobMessage, QueueBackend, QueueOptions } from './queue.ts';

/** jobs waiting to be taken by a worker: waiting + prioritized + delayed + paused */
export async function queueDepth(queue: Queue): Promise<number> {
  const counts = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'paused');
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

/** lock long enough that a job blocking the event loop for its whole cost cannot lose it */
export function lockDurationFor(workCostMs: number): number {
  return Math.max(2000, Math.ceil(workCostMs * 5));
}

export async function openBullmqBackend(options: QueueOptions): Promise<QueueBackend> {
  const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  connection.on('error', logConnectionErrorsOnce('redis (bullmq queue)'));
  const prefix = `${options.redisPrefix}bull`;
  const queue = new Queue<JobMessage>(options.queueName, { connection, prefix });
  queue.on('error', logConnectionErrorsOnce('bullmq queue'));
  await queue.waitUntilReady();
  let worker: Worker<JobMessage> | undefined;

  return {
    name: 'bullmq',
    async enqueue(message) {
      await queue.add('work', message, {
        jobId: message.jobId,
        attempts: 3,
        backoff: { type: 'fixed', delay: 200 },
        removeOnComplete: true,
        removeOnFail: 1000,
      });
    },
    async consume(handler: JobHandler) {
      const lockDuration = lockDurationFor(options.workCostMs);
      worker = new Worker<JobMessage>(options.queueName, (job: Job<JobMessage>) => handler(job.data), {
        connection,
        prefix,
        concurrency: 1,
        lockDuration,
        stalledInterval: Math.min(1000, lockDuration / 2),
        maxStalledCount: 1000,
      });
      worker.on('error', (error) => process.stderr.write(`bullmq worker: ${error.message}\n`));
      await worker.waitUntilReady();
    },
    depth: () => queueDepth(queue),
    async close() {
      await worker?.close();
      await queue.close();
      await connection.quit().catch(() => connection.disconnect());
    },
    async destroy() {
      await queue.obliterate({ force: true });
    },
  };
}
