/**
 * `--stack docker`: a variant's target as the experiment's compose stack (docker/compose/) instead of
 * local processes. Knobs become the compose file's variables (session → SESSION), clones and workers
 * become replicas, the server size becomes each clone's, worker's and database's `cpus:` and memory.
 * It runs through `docker compose` v2 where the plugin is installed, else through the Engine API
 * (podman here); SCALEBENCH_COMPOSE=v2|api chooses. Faults kill real containers. Everything is
 * labelled with the run, removed when the variant ends, on Ctrl-C, and by the reaper if scalebench is
 * killed.
 */
import { randomBytes } from 'node:crypto';
import { onCleanup } from '../../core/cleanup.ts';
import { nodeArgs, packageRoot } from '../../core/entry-points.ts';
import { ScalebenchError } from '../../core/errors.ts';
import type { DockerStack } from '../../results/schema.ts';
import type { VariantDefinition } from '../../scenarios/types.ts';
import { jobFigures, waitForDrain } from '../../targets/async/drain.ts';
import { readWorkStats, statsToCounters } from '../../targets/async/work-stats.ts';
import { externalTarget } from '../../targets/external/external-target.ts';
import { guardCommand } from '../../targets/lifecycle/child-guard.ts';
import { freePort } from '../../targets/lifecycle/free-port.ts';
import type { ServerSize } from '../../targets/sizing/server-size.ts';
import type { InstanceInfo, RunningTarget } from '../../targets/target.ts';
import { ApiStack, type ApiStackOptions, STACK_LABEL } from '../stack/api-stack.ts';
import { readComposeFile } from '../stack/compose-file.ts';
import { connectEngine, type Engine, type Env } from '../stack/container-engine.ts';
import { serviceSizes } from '../stack/container-size.ts';
import { composeFileFor, composeUp, hasComposeV2 } from '../stack/docker.ts';
import { assertPortsFree } from '../stack/ports.ts';
import { removeLabelled } from '../stack/remove-labelled.ts';

/** one id per scalebench process: every container, network and volume it makes carries it */
export const runId = randomBytes(4).toString('hex');

const COMPOSE_PROJECT_LABEL = 'com.docker.compose.project';
const COMPOSE_SERVICE_LABEL = 'com.docker.compose.service';
const COMPOSE_NUMBER_LABEL = 'com.docker.compose.container-number';

export interface DockerTargetOptions {
  server?: ServerSize;
  /** the experiment's database size, over the server size (caching's 1-CPU PostgreSQL) */
  databaseCpus?: number;
  signal?: AbortSignal;
  env?: Env;
}

export function composeVariables(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([knob, value]) => [knob.toUpperCase(), value]));
}

export function composeScale(variant: VariantDefinition): Record<string, number> {
  return {
    ...(variant.clones === undefined ? {} : { app: variant.clones }),
    ...(variant.workers === undefined ? {} : { worker: variant.workers }),
  };
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** the shell line the reaper runs to remove a stack if scalebench is killed with it up */
function reapCommand(engine: Engine, label: string): string {
  const argv = [process.execPath, ...nodeArgs('orchestration/stack/reap-entry.ts'), label];
  return `cd ${shellQuote(packageRoot)} && DOCKER_HOST=${shellQuote(engine.host)} ${argv.map(shellQuote).join(' ')}`;
}

async function chooseDriver(env: Env): Promise<DockerStack['driver']> {
  const asked = env.SCALEBENCH_COMPOSE;
  if (asked === 'api') return 'engine-api';
  if (asked === 'v2') return 'compose-v2';
  if (asked !== undefined && asked !== '') {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `SCALEBENCH_COMPOSE=${asked} is not v2 or api`, {
      hint: 'leave it unset (Compose v2 where installed, else the Engine API), or set v2 or api',
    });
  }
  return (await hasComposeV2({ env })) ? 'compose-v2' : 'engine-api';
}

async function publishPort(env: Env): Promise<number> {
  const asked = env.SCALEBENCH_PORT;
  if (asked === undefined || asked === '') return freePort();
  const port = Number(asked);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `SCALEBENCH_PORT=${asked} is not a port`, {
      hint: 'give a port from 1 to 65535, or leave SCALEBENCH_PORT unset so scalebench picks a free one',
    });
  }
  return port;
}

interface Containers {
  kill(service: string, index: number): Promise<void>;
  restart(service: string, index: number): Promise<void>;
  names(service: string): string[];
}

/** Compose v2's containers, found by its labels (replica n+1 is index n). */
async function composeContainers(engine: Engine, project: string, services: string[]): Promise<Containers> {
  const byService = new Map<string, { id: string; name: string }[]>();
  for (const service of services) {
    const list = await engine.docker.listContainers({
      all: true,
      filters: JSON.stringify({
        label: [`${COMPOSE_PROJECT_LABEL}=${project}`, `${COMPOSE_SERVICE_LABEL}=${service}`],
      }),
    });
    list.sort((a, b) => Number(a.Labels[COMPOSE_NUMBER_LABEL]) - Number(b.Labels[COMPOSE_NUMBER_LABEL]));
    byService.set(
      service,
      list.map((info) => ({ id: info.Id, name: info.Names[0]?.replace(/^\//, '') ?? info.Id })),
    );
  }
  const find = (service: string, index: number) => {
    const found = byService.get(service)?.[index];
    if (!found) throw new ScalebenchError('SB_ERR_INVALID_CONFIG', `no ${service} container ${index}`);
    return engine.docker.getContainer(found.id);
  };
  return {
    kill: async (service, index) => void (await find(service, index).kill({ signal: 'SIGKILL' })),
    restart: async (service, index) => void (await find(service, index).start()),
    names: (service) => (byService.get(service) ?? []).map((entry) => entry.name),
  };
}

/** what a variant's stack is brought up from: ApiStack's options, and how Compose v2 would get them */
interface StackSpec extends Omit<ApiStackOptions, 'runId'> {
  driver: DockerStack['driver'];
  file: string;
  port: number;
  params: Record<string, string>;
  env: Env;
}

/** The stack up through the Engine API or Compose v2: its containers, and what takes it down again. */
async function bringUp(
  spec: StackSpec,
  remove: () => Promise<void>,
): Promise<{ containers: Containers; down: () => Promise<void> }> {
  if (spec.driver === 'engine-api') {
    const { engine, project, name, scale, sizes } = spec;
    const stack = new ApiStack({ engine, project, name, runId, scale, sizes, ...optionalSignal(spec) });
    const containers: Containers = {
      kill: (service, index) => stack.kill(service, index),
      restart: (service, index) => stack.restart(service, index),
      names: (service) => stack.of(service).map((container) => container.name),
    };
    await stack.up();
    return { containers, down: remove };
  }
  const services = spec.project.services.map((service) => service.name);
  const composed = await composeUp(spec.file, services, {
    env: spec.env,
    variables: composeVariables(spec.params),
    scale: spec.scale,
    port: spec.port,
    projectName: spec.name,
    sizes: spec.sizes,
    ...optionalSignal(spec),
  });
  const down = async () => {
    await composed.down();
    await remove();
  };
  return { containers: await composeContainers(spec.engine, spec.name, services), down };
}

/** the stack as results record it */
function stackRecord({ driver, engine, name, project, scale, sizes }: StackSpec): DockerStack {
  return {
    driver,
    engine: engine.name,
    project: name,
    containers: project.services.map((service) => ({
      service: service.name,
      replicas: scale[service.name] ?? 1,
      cpus: sizes[service.name]?.cpus ?? null,
      memoryBytes: sizes[service.name]?.memoryBytes ?? null,
    })),
  };
}

export async function startDockerTarget(
  targetName: string,
  variant: VariantDefinition,
  options: DockerTargetOptions = {},
): Promise<{ target: RunningTarget; stack: DockerStack }> {
  const env = options.env ?? process.env;
  const engine = await connectEngine(env);
  const driver = await chooseDriver(env);
  const file = composeFileFor(targetName);
  const port = await publishPort(env);
  const variables = { ...env, ...composeVariables(variant.params), SCALEBENCH_PORT: String(port) };
  const spec: StackSpec = {
    engine,
    driver,
    file,
    project: readComposeFile(file, variables),
    name: `scalebench-${runId}-${targetName}-${variant.name}`.toLowerCase().replace(/[^a-z0-9-]/g, '-'),
    port,
    params: variant.params,
    scale: composeScale(variant),
    sizes: serviceSizes(options.server, options.databaseCpus),
    env,
    ...optionalSignal(options),
  };
  const label =
    driver === 'engine-api' ? `${STACK_LABEL}=${spec.name}` : `${COMPOSE_PROJECT_LABEL}=${spec.name}`;
  await assertPortsFree(spec.project.services.flatMap((service) => service.ports));
  const forget = guardCommand(reapCommand(engine, label));
  const remove = onCleanup(`container stack ${spec.name}`, async () => {
    await removeLabelled(engine.docker, label);
    forget();
  });
  let up: Awaited<ReturnType<typeof bringUp>>;
  try {
    up = await bringUp(spec, remove);
  } catch (error: unknown) {
    await remove().catch(() => undefined);
    throw error;
  }
  return { target: dockerTarget(targetName, port, up.containers, up.down), stack: stackRecord(spec) };
}

function optionalSignal(options: { signal?: AbortSignal | undefined }): { signal?: AbortSignal } {
  return options.signal ? { signal: options.signal } : {};
}

function dockerTarget(
  experiment: string,
  port: number,
  containers: Containers,
  down: () => Promise<void>,
): RunningTarget {
  const url = `http://127.0.0.1:${port}`;
  const killed = new Set<string>();
  const serviceOf = (kind: 'clone' | 'worker') => (kind === 'clone' ? 'app' : 'worker');
  const external = externalTarget(url);
  const target: RunningTarget = {
    ...external,
    experiment,
    balancer: 'haproxy',
    instances: (): InstanceInfo[] => [
      ...containers.names('app').map((name) => ({
        id: name,
        kind: 'clone' as const,
        url: null,
        pid: null,
        alive: !killed.has(name),
        logFile: null,
      })),
      ...containers.names('worker').map((name) => ({
        id: name,
        kind: 'worker' as const,
        url: null,
        pid: null,
        alive: !killed.has(name),
        logFile: null,
      })),
    ],
    kill: async (kind, index) => {
      await containers.kill(serviceOf(kind), index);
      const name = containers.names(serviceOf(kind))[index];
      if (name) killed.add(name);
    },
    restart: async (kind, index) => {
      await containers.restart(serviceOf(kind), index);
      const name = containers.names(serviceOf(kind))[index];
      if (name) killed.delete(name);
    },
    stop: down,
  };
  if (experiment !== 'async') return target;
  // the job figures live in the stack's Redis; the web process tells them (as for local processes)
  target.counters = async () => ({
    ...(await external.counters()),
    ...statsToCounters(await readWorkStats(url)),
  });
  target.settle = async (signal, since) => {
    const drain = await waitForDrain(target, { timeoutMs: 60_000, ...(signal ? { signal } : {}) });
    return jobFigures(drain, since);
  };
  return target;
}
