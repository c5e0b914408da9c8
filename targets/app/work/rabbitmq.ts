/**
 * RabbitMQ via amqplib: a durable queue, persistent messages published on a confirm channel, and a
 * consumer with prefetch 1 and manual acknowledgements. A message is acked only after the handler
 * resolved (result stored); when a worker dies its channel dies with it and the broker redelivers the
 * unacked message to another consumer.
 */
import amqp, { type Channel, type ConfirmChannel, type ConsumeMessage } from 'amqplib';
import type { JobHandler, JobMessage, QueueBackend, QueueOptions } from './queue.ts';

/** messages ready to be delivered (not counting unacked ones in progress) */
export async function queueDepth(channel: Channel, queueName: string): Promise<number> {
  const { messageCount } = await channel.checkQueue(queueName);
  return messageCount;
}

function publish(channel: ConfirmChannel, queueName: string, message: JobMessage): Promise<void> {
  const body = Buffer.from(JSON.stringify(message));
  return new Promise((resolve, reject) => {
    channel.sendToQueue(
      queueName,
      body,
      { persistent: true, contentType: 'application/json', messageId: message.jobId },
      (error: unknown) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(),
    );
  });
}

export async function openRabbitmqBackend(options: QueueOptions): Promise<QueueBackend> {
  const connection = await amqp.connect(options.amqpUrl);
  connection.on('error', (error: Error) => process.stderr.write(`amqp: ${error.message}\n`));
  const publisher = await connection.createConfirmChannel();
  await publisher.assertQueue(options.queueName, { durable: true });
  let consumer: { channel: Channel; tag: string } | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  const deliver = (channel: Channel, handler: JobHandler, message: ConsumeMessage | null) => {
    if (message === null) return; // the broker cancelled the consumer (queue deleted)
    const job = JSON.parse(message.content.toString('utf8')) as JobMessage;
    inFlight = handler(job).then(
      () => channel.ack(message),
      (error: unknown) => {
        process.stderr.write(`job ${job.jobId} failed, requeued: ${String(error)}\n`);
        channel.nack(message, false, true);
      },
    );
  };

  return {
    name: 'rabbitmq',
    enqueue: (message) => publish(publisher, options.queueName, message),
    async consume(handler: JobHandler) {
      const channel = await connection.createChannel();
      await channel.assertQueue(options.queueName, { durable: true });
      await channel.prefetch(1);
      const { consumerTag } = await channel.consume(
        options.queueName,
        (message) => deliver(channel, handler, message),
        { noAck: false },
      );
      consumer = { channel, tag: consumerTag };
    },
    depth: () => queueDepth(publisher, options.queueName),
    async close() {
      if (consumer) {
        await consumer.channel.cancel(consumer.tag).catch(() => {});
        await inFlight;
        await consumer.channel.close().catch(() => {});
      }
      await publisher.close().catch(() => {});
      await connection.close().catch(() => {});
    },
    async destroy() {
      await publisher.deleteQueue(options.queueName);
    },
  };
}
