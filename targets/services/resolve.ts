/**
 * Finds each backend the reference targets need, in this order: the URL in its env variable (which must
 * answer), the default local address, then a private server scalebench starts (and stops through the
 * cleanup stack). Set SCALEBENCH_START_SERVICES=1 or pass forceStart to skip straight to starting one.
 */
import { ScalebenchError } from '../../core/errors.ts';
import { postgresBackend } from './postgres.ts';
import { rabbitmqBackend } from './rabbitmq.ts';
import { redisBackend } from './redis.ts';
import type {
  ResolvedService,
  ResolveOptions,
  ServiceBackend,
  ServiceEnv,
  ServiceName,
  ServiceProbe,
} from './service.ts';

export const backends: Record<ServiceName, ServiceBackend> = {
  redis: redisBackend,
  postgres: postgresBackend,
  rabbitmq: rabbitmqBackend,
};

const defaultTimeoutMs = 2000;

export function isServiceName(name: string): name is ServiceName {
  return Object.hasOwn(backends, name);
}

/** forceStart option, else SCALEBENCH_START_SERVICES=1 in the environment */
export function wantsForceStart(options: ResolveOptions = {}): boolean {
  const env = options.env ?? process.env;
  return options.forceStart ?? env['SCALEBENCH_START_SERVICES'] === '1';
}

export async function resolveService(
  name: ServiceName,
  options: ResolveOptions = {},
): Promise<ResolvedService> {
  const backend = backends[name];
  const env = options.env ?? process.env;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const forced = wantsForceStart(options) && backend.startable;
  if (!forced) {
    const envUrl = env[backend.envVar];
    if (envUrl) {
      const answer = await backend.ping(envUrl, timeoutMs).catch((error: unknown) => {
        throw envUrlError(backend, envUrl, error);
      });
      return { name, url: envUrl, source: 'env', ...answer, stop: async () => {} };
    }
    const local = await backend.ping(backend.defaultUrl, timeoutMs).catch(() => undefined);
    if (local) return { name, url: backend.defaultUrl, source: 'local', ...local, stop: async () => {} };
  }
  return startService(backend, timeoutMs, env, forced);
}

async function startService(
  backend: ServiceBackend,
  timeoutMs: number,
  env: ServiceEnv,
  forced: boolean,
): Promise<ResolvedService> {
  const problem = await backend.cannotStart(env);
  if (problem) {
    const where = forced ? '' : ` does not answer at ${redactUrl(backend.defaultUrl)} and`;
    throw new ScalebenchError(
      'SB_ERR_SERVICE_UNAVAILABLE',
      `${backend.title}${where} cannot be started: ${problem}`,
      { hint: backend.remedy },
    );
  }
  const server = await backend.start(env);
  try {
    const answer = await backend.ping(server.url, timeoutMs);
    const { url, pid, dataDir, stop } = server;
    return { name: backend.name, url, source: 'started', ...answer, pid, dataDir, stop };
  } catch (error: unknown) {
    await server.stop();
    throw new ScalebenchError('SB_ERR_SERVICE_UNAVAILABLE', `${backend.title} started but does not answer`, {
      hint: backend.remedy,
      cause: error,
    });
  }
}

/** Resolves several services; if one fails, stops the ones it started and throws the first error. */
export async function resolveServices(
  names: readonly ServiceName[],
  options: ResolveOptions = {},
): Promise<Record<ServiceName, ResolvedService | undefined>> {
  const settled = await Promise.allSettled(names.map((name) => resolveService(name, options)));
  const failure = settled.find((result) => result.status === 'rejected');
  if (failure) {
    for (const result of settled) if (result.status === 'fulfilled') await result.value.stop();
    throw failure.reason;
  }
  const resolved: Record<ServiceName, ResolvedService | undefined> = {
    redis: undefined,
    postgres: undefined,
    rabbitmq: undefined,
  };
  for (const result of settled) if (result.status === 'fulfilled') resolved[result.value.name] = result.value;
  return resolved;
}

/** What doctor reports: found (env or local), startable, or missing with the remedy. Starts nothing. */
export async function probeService(name: ServiceName, options: ResolveOptions = {}): Promise<ServiceProbe> {
  const backend = backends[name];
  const env = options.env ?? process.env;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const envUrl = env[backend.envVar];
  if (envUrl) {
    try {
      return { name, state: 'found', source: 'env', url: envUrl, ...(await backend.ping(envUrl, timeoutMs)) };
    } catch (error: unknown) {
      const { message, hint } = envUrlError(backend, envUrl, error);
      return { name, state: 'missing', problem: message, remedy: hint ?? backend.remedy };
    }
  }
  const local = await backend.ping(backend.defaultUrl, timeoutMs).catch(() => undefined);
  if (local) return { name, state: 'found', source: 'local', url: backend.defaultUrl, ...local };
  const problem = await backend.cannotStart(env);
  if (!problem) return { name, state: 'startable', how: await backend.startHow(env) };
  return {
    name,
    state: 'missing',
    problem: `${backend.title} does not answer at ${redactUrl(backend.defaultUrl)} and ${problem}`,
    remedy: backend.remedy,
  };
}

function envUrlError(backend: ServiceBackend, url: string, error: unknown): ScalebenchError {
  return new ScalebenchError(
    'SB_ERR_SERVICE_UNAVAILABLE',
    `${backend.title} at ${backend.envVar}=${redactUrl(url)} does not answer (${reason(error)})`,
    {
      hint: `start ${backend.title} there, fix ${backend.envVar}, or unset it to use or start a local ${backend.title}`,
      cause: error,
    },
  );
}

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0]?.trim();
  if (firstLine) return firstLine;
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'no answer';
}

/** hides the password of a URL for messages */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
