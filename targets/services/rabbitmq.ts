/** RabbitMQ: ping an address. scalebench cannot start one (it needs an Erlang node), so it only says how. */
import amqp from 'amqplib';
import { ScalebenchError } from '../../core/errors.ts';
import { findOnPath } from '../lifecycle/find-executable.ts';
import { logConnectionErrorsOnce } from './log-connection-errors.ts';
import type { PingResult, ServiceBackend, ServiceEnv, StartedServer } from './service.ts';

const remedy =
  'apt-get install rabbitmq-server && rabbitmq-server -detached, or set AMQP_URL=amqp://user:pass@host:5672';

export async function pingRabbitmq(url: string, timeoutMs: number): Promise<PingResult> {
  const connection = await amqp.connect(url, { timeout: timeoutMs });
  connection.on('error', logConnectionErrorsOnce('rabbitmq (ping)'));
  try {
    const started = performance.now();
    const channel = await connection.createChannel();
    await channel.close();
    const pingMs = performance.now() - started;
    const version = connection.connection.serverProperties.version ?? 'unknown';
    return { version: String(version), pingMs };
  } finally {
    await connection.close().catch(() => {});
  }
}

async function cannotStart(env: ServiceEnv): Promise<string> {
  return (await findOnPath('rabbitmq-server', env['PATH']))
    ? 'rabbitmq-server is installed but not running (scalebench does not start it)'
    : 'rabbitmq-server is not installed';
}

export const rabbitmqBackend: ServiceBackend = {
  name: 'rabbitmq',
  title: 'RabbitMQ',
  envVar: 'AMQP_URL',
  defaultUrl: 'amqp://guest:guest@127.0.0.1:5672',
  startable: false,
  ping: pingRabbitmq,
  cannotStart,
  startHow: async () => 'it cannot be started by scalebench',
  start: async (env): Promise<StartedServer> => {
    throw new ScalebenchError(
      'SB_ERR_SERVICE_UNAVAILABLE',
      `RabbitMQ is not running: ${await cannotStart(env)}`,
      {
        hint: remedy,
      },
    );
  },
  remedy,
};
