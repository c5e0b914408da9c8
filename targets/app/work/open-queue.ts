/** The explicit name → opener map of the queue backends, and opening the one the app's config names. */
import type { AppConfig } from '../config.ts';
import { openBullmqBackend } from './bullmq.ts';
import type { QueueBackend, QueueOpener, QueueOptions } from './queue.ts';
import { openRabbitmqBackend } from './rabbitmq.ts';

export const queueOpeners: Record<AppConfig['QUEUE'], QueueOpener> = {
  bullmq: openBullmqBackend,
  rabbitmq: openRabbitmqBackend,
};

export function queueOptionsFromConfig(config: AppConfig): QueueOptions {
  return {
    queueName: config.QUEUE_NAME,
    redisUrl: config.REDIS_URL,
    redisPrefix: config.REDIS_PREFIX,
    amqpUrl: config.AMQP_URL,
    workCostMs: config.WORK_COST_MS,
  };
}

export function openQueueBackend(config: AppConfig): Promise<QueueBackend> {
  return queueOpeners[config.QUEUE](queueOptionsFromConfig(config));
}
