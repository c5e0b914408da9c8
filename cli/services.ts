import { ScalebenchError } from '../core/errors.ts';
import { untilAborted } from '../orchestration/run-context.ts';
import { isServiceName, resolveServices } from '../targets/services/resolve.ts';
import { type ResolvedService, type ServiceName, serviceNames } from '../targets/services/service.ts';
import type { CliContext } from './context.ts';

export interface ServicesStartOptions {
  names: ServiceName[];
  forceStart: boolean | undefined;
  json: boolean;
}

export function parseServicesStart(
  names: string[],
  flags: { start?: boolean; json?: boolean },
): ServicesStartOptions {
  const unknown = names.filter((name) => !isServiceName(name));
  if (unknown.length > 0) {
    throw new ScalebenchError(
      'SB_ERR_INVALID_ARGUMENT',
      `unknown service ${unknown.map((n) => `'${n}'`).join(', ')}`,
      {
        hint: `name one or more of: ${serviceNames.join(', ')}`,
      },
    );
  }
  const chosen = names.length > 0 ? [...new Set(names as ServiceName[])] : [...serviceNames];
  return { names: chosen, forceStart: flags.start ? true : undefined, json: Boolean(flags.json) };
}

function describe(service: ResolvedService) {
  const { name, url, source, version, pingMs, pid, dataDir } = service;
  return { name, url, source, version, pingMs, pid, dataDir };
}

export async function startServices(options: ServicesStartOptions, ctx: CliContext): Promise<void> {
  const resolved = await resolveServices(options.names, { env: ctx.env, forceStart: options.forceStart });
  const services = options.names.map((name) => resolved[name]!);
  if (options.json) {
    ctx.stdout(`${JSON.stringify(services.map(describe))}\n`);
  } else {
    for (const service of services) ctx.stdout(`${service.name} ${service.url} (${service.source})\n`);
  }
  const started = services.filter((service) => service.source === 'started');
  ctx.stderr(
    started.length > 0
      ? `ready; press Ctrl-C to stop ${started.map((service) => service.name).join(', ')}\n`
      : 'ready; nothing was started by scalebench; press Ctrl-C to quit\n',
  );
  await untilAborted(ctx.signal);
  for (const service of started.reverse()) await service.stop();
}
