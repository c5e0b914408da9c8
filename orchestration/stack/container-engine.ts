/**
 * The container engine `--stack docker` talks to: Docker Engine, Docker Desktop or podman's Docker API
 * service (docker/local-engine.sh), reached through DOCKER_HOST the way the docker client reaches it,
 * with dockerode. A machine with no engine stops at once with one line naming DOCKER_HOST and the remedy.
 */
import Docker from 'dockerode';
import { ScalebenchError } from '../../core/errors.ts';

export type Env = Record<string, string | undefined>;

export interface Engine {
  docker: Docker;
  /** where it was reached, e.g. unix:///run/podman/podman.sock */
  host: string;
  /** e.g. 'podman 4.3.1' or 'docker 27.3.1' */
  name: string;
}

const pingTimeoutMs = 5_000;
const defaultHost = 'unix:///var/run/docker.sock';

export const noEngineHint =
  'start Docker, or point DOCKER_HOST at a running engine — on a Debian machine without Docker, as root: ' +
  'eval "$(docker/local-engine.sh)" (podman serving the Docker API) — or leave out --stack docker to run ' +
  'the targets as local processes';

/** DOCKER_HOST (or the default socket) → dockerode's connection options. */
export function engineAddress(env: Env): { host: string; options: Docker.DockerOptions } {
  const host = env.DOCKER_HOST?.trim() || defaultHost;
  if (host.startsWith('unix://')) return { host, options: { socketPath: host.slice('unix://'.length) } };
  const tcp = /^(tcp|http|https):\/\/([^:/]+)(?::(\d+))?/.exec(host);
  if (tcp) {
    const protocol = tcp[1] === 'https' || env.DOCKER_TLS_VERIFY === '1' ? 'https' : 'http';
    return { host, options: { host: tcp[2], port: Number(tcp[3] ?? 2375), protocol } };
  }
  throw new ScalebenchError('SB_ERR_NO_DOCKER', `DOCKER_HOST=${host} is not a unix:// or tcp:// address`, {
    hint: noEngineHint,
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Connects and pings; throws SB_ERR_NO_DOCKER naming DOCKER_HOST when nothing answers. */
export async function connectEngine(env: Env = process.env): Promise<Engine> {
  const { host, options } = engineAddress(env);
  const docker = new Docker(options);
  const shown = env.DOCKER_HOST ? `DOCKER_HOST=${host}` : `${host} (DOCKER_HOST is not set)`;
  try {
    const version = await withTimeout(docker.version(), pingTimeoutMs, 'the engine');
    const podman = version.Components?.some((component) => /podman/i.test(component.Name));
    return { docker, host, name: `${podman ? 'podman' : 'docker'} ${version.Version}` };
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ScalebenchError('SB_ERR_NO_DOCKER', `no container engine answers at ${shown}: ${reason}`, {
      hint: noEngineHint,
    });
  }
}
