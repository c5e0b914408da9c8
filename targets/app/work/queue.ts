/**
 * One interface over the two queue backends of `work=queued` (BullMQ on Redis, RabbitMQ via amqplib);
 * the name → opener map is in open-queue.ts. Both acknowledge a job only after the handler resolved, i.e. after
 * its result is stored, so a worker that dies mid-job leaves the job to be delivered again.
 */
export interface JobMessage {
  jobId: string;
  input: string;
}

/** processes one job; rejecting hands the job back to the queue */
export type JobHandler = (message: JobMessage) => Promise<void>;

export interface QueueBackend {
  readonly name: 'bullmq' | 'rabbitmq';
  /** resolves once the broker holds the job durably */
  enqueue(message: JobMessage): Promise<void>;
  /** starts taking jobs one at a time (prefetch 1 / concurrency 1) */
  consume(handler: JobHandler): Promise<void>;
  /** jobs waiting to be taken by a worker (not counting the ones in progress) */
  depth(): Promise<number>;
  /** stops taking jobs, waits for the one in progress, closes connections */
  close(): Promise<void>;
  /** deletes the queue and everything in it (tests, end of a run) */
  destroy(): Promise<void>;
}

export interface QueueOptions {
  queueName: string;
  redisUrl: string;
  redisPrefix: string;
  amqpUrl: string;
  /** CPU cost of one job: BullMQ's lock must outlive a job that blocks the event loop */
  workCostMs: number;
}

export type QueueOpener = (options: QueueOptions) => Promise<QueueBackend>;
