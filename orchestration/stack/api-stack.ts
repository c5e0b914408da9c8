/**
 * A compose stack brought up through the Engine API alone — for engines without a `docker compose` v2
 * plugin (podman's Docker API service here): images built, one network and the named volumes created,
 * each service's replicas started once what it depends on is started, healthy or completed, health
 * checks run by scalebench itself (exec of the file's test: podman runs none without systemd), and
 * everything labelled with the run and the stack so `down` — or the reaper, if scalebench is killed —
 * removes every container, network and volume.
 */
import { ScalebenchError } from '../../core/errors.ts';
import type { ComposeProject, ComposeService, HealthCheck } from './compose-file.ts';
import { startOrder } from './compose-file.ts';
import type { Engine } from './container-engine.ts';
import { containerLog, execExitCode } from './container-io.ts';
import { buildImageOnce } from './image-build.ts';

export const RUN_LABEL = 'io.scalebench.run';
export const STACK_LABEL = 'io.scalebench.stack';
const SERVICE_LABEL = 'io.scalebench.service';

export interface ContainerSize {
  cpus: number;
  memoryBytes: number;
}

export interface ApiStackOptions {
  engine: Engine;
  project: ComposeProject;
  /** unique on the engine: names the network, volumes and containers (<name>-<service>-<n>) */
  name: string;
  runId: string;
  /** replicas per service (default 1) */
  scale: Record<string, number>;
  /** a CPU quota and memory limit per service; services not named run unlimited */
  sizes: Record<string, ContainerSize>;
  signal?: AbortSignal;
}

export interface StackContainer {
  service: string;
  index: number;
  id: string;
  name: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startFailed(message: string, hint: string): ScalebenchError {
  return new ScalebenchError('SB_ERR_TARGET_START', message, { hint });
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ScalebenchError('SB_ERR_INTERRUPTED', 'stack start interrupted');
}

/** Builds every image the stack builds, in file order: each once per run (buildImageOnce). */
async function buildImages(options: ApiStackOptions): Promise<void> {
  for (const service of options.project.services) {
    if (!service.build) continue;
    throwIfAborted(options.signal);
    await buildImageOnce(options.engine, service.image, service.build, options.signal);
  }
}

function createBody(options: ApiStackOptions, service: ComposeService, index: number, hosts: string[]) {
  const { name } = options;
  const size = options.sizes[service.name];
  const exposed = Object.fromEntries(service.ports.map((port) => [`${port.containerPort}/tcp`, {}]));
  const bindings = Object.fromEntries(
    service.ports.map((port) => [
      `${port.containerPort}/tcp`,
      [{ HostIp: port.hostIp, HostPort: String(port.hostPort) }],
    ]),
  );
  return {
    name: `${name}-${service.name}-${index + 1}`,
    Image: service.image,
    ...(service.command ? { Cmd: service.command } : {}),
    ...(service.entrypoint ? { Entrypoint: service.entrypoint } : {}),
    Env: Object.entries(service.environment).map(([key, value]) => `${key}=${value}`),
    Labels: {
      [RUN_LABEL]: options.runId,
      [STACK_LABEL]: name,
      [SERVICE_LABEL]: service.name,
    },
    ExposedPorts: exposed,
    HostConfig: {
      Init: service.init,
      Mounts: service.mounts.map((mount) => ({
        Type: mount.type,
        Source: mount.type === 'volume' ? `${name}_${mount.source}` : mount.source,
        Target: mount.target,
        ReadOnly: mount.readOnly,
      })),
      PortBindings: bindings,
      NetworkMode: name,
      ExtraHosts: hosts,
      RestartPolicy: { Name: 'no' },
      ...(size ? { NanoCpus: Math.round(size.cpus * 1e9), Memory: size.memoryBytes } : {}),
    },
    NetworkingConfig: { EndpointsConfig: { [name]: { Aliases: [service.name] } } },
  };
}

async function failureTail(options: ApiStackOptions, container: StackContainer): Promise<string> {
  const log = await containerLog(options.engine.docker.getContainer(container.id)).catch(() => '');
  return log ? `; its log ends: ${log}` : '';
}

/**
 * How often a health check runs until a container first turns healthy: sooner than the file's interval,
 * as Docker's start_interval does (only the first healthy is waited for; a check that fails keeps the
 * file's deadline: its start period plus retries × interval)
 */
const START_POLL_MS = 500;

async function waitHealthy(options: ApiStackOptions, container: StackContainer, check: HealthCheck) {
  const handle = options.engine.docker.getContainer(container.id);
  const giveUpAt = Date.now() + check.startPeriodMs + check.retries * check.intervalMs;
  for (;;) {
    throwIfAborted(options.signal);
    const state = (await handle.inspect()).State;
    if (!state.Running) {
      throw startFailed(
        `${container.name} exited (code ${state.ExitCode}) before it was healthy${await failureTail(options, container)}`,
        `run it by hand with the same compose file to see more: ${options.project.file}`,
      );
    }
    const code = await execExitCode(handle, check.command, check.timeoutMs).catch(() => -1);
    if (code === 0) return;
    if (Date.now() >= giveUpAt) {
      throw startFailed(
        `${container.name} did not become healthy (${check.command.join(' ')})${await failureTail(options, container)}`,
        `see its service in ${options.project.file}`,
      );
    }
    await sleep(Math.min(check.intervalMs, START_POLL_MS));
  }
}

async function waitCompleted(options: ApiStackOptions, container: StackContainer) {
  const handle = options.engine.docker.getContainer(container.id);
  for (;;) {
    throwIfAborted(options.signal);
    const state = (await handle.inspect()).State;
    if (!state.Running && state.Status !== 'created') {
      if (state.ExitCode === 0) return;
      throw startFailed(
        `${container.name} failed (exit ${state.ExitCode})${await failureTail(options, container)}`,
        `see its service in ${options.project.file}`,
      );
    }
    await sleep(500);
  }
}

/** A running stack: its containers by service, and what the experiments do to them. */
export class ApiStack {
  private readonly containers: StackContainer[] = [];

  constructor(private readonly options: ApiStackOptions) {}

  /** Builds, creates and starts everything; resolves once every service is healthy (or done). */
  async up(): Promise<void> {
    const { docker } = this.options.engine;
    const { project, name, runId } = this.options;
    await buildImages(this.options);
    throwIfAborted(this.options.signal);
    const labels = { [RUN_LABEL]: runId, [STACK_LABEL]: name };
    await docker.createNetwork({ Name: name, Labels: labels, CheckDuplicate: true });
    for (const volume of project.volumes) {
      await docker.createVolume({ Name: `${name}_${volume}`, Labels: labels });
    }
    const started = new Map<string, Promise<StackContainer[]>>();
    const healthy = new Map<string, Promise<void>>();
    const completed = new Map<string, Promise<void>>();
    for (const service of startOrder(project)) {
      const ready = Promise.all(
        service.dependsOn.map(async ({ service: other, condition }) => {
          if (condition === 'service_healthy') await healthy.get(other);
          else if (condition === 'service_completed_successfully') await completed.get(other);
          else await started.get(other);
        }),
      );
      const run = ready.then(() => this.startService(service));
      started.set(service.name, run);
      const check = service.healthcheck;
      healthy.set(
        service.name,
        run.then(async (replicas) => {
          if (check) await Promise.all(replicas.map((replica) => waitHealthy(this.options, replica, check)));
        }),
      );
      completed.set(
        service.name,
        run.then(async (replicas) => {
          await Promise.all(replicas.map((replica) => waitCompleted(this.options, replica)));
        }),
      );
    }
    // a one-shot step is waited for by its dependents; every other service must turn healthy
    for (const promise of completed.values()) promise.catch(() => {});
    await Promise.all(project.services.map((service) => healthy.get(service.name)));
  }

  private async startService(service: ComposeService): Promise<StackContainer[]> {
    throwIfAborted(this.options.signal);
    const { docker } = this.options.engine;
    const replicas = this.options.scale[service.name] ?? 1;
    const made: StackContainer[] = [];
    const hosts = await this.earlierHosts(service);
    for (let index = 0; index < replicas; index += 1) {
      const body = createBody(this.options, service, index, hosts);
      const container = await docker.createContainer(body);
      const entry = { service: service.name, index, id: container.id, name: body.name };
      this.containers.push(entry);
      made.push(entry);
      await container.start().catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        throw startFailed(`${body.name} did not start: ${message.split('\n').at(-1)}`, 'see the engine log');
      });
    }
    return made;
  }

  /**
   * `name:ip` of each running single-replica service started before this one, for its /etc/hosts:
   * podman's DNS (aardvark-dns 1.4) at times stops answering a network's names once a one-shot step's
   * container has exited, and the app then failed every database connection for the whole trial (5 s
   * lookups, then NXDOMAIN). A service of several replicas is still found by DNS (the balancer's resolvers).
   */
  private async earlierHosts(service: ComposeService): Promise<string[]> {
    const hosts: string[] = [];
    const others = new Set(this.containers.map((container) => container.service));
    others.delete(service.name);
    for (const other of others) {
      const containers = this.of(other);
      if (containers.length !== 1) continue;
      const state = await this.options.engine.docker.getContainer(containers[0]!.id).inspect();
      const ip = state.State.Running
        ? state.NetworkSettings.Networks[this.options.name]?.IPAddress
        : undefined;
      if (ip) hosts.push(`${other}:${ip}`);
    }
    return hosts;
  }

  /** the containers of a service, in replica order */
  of(service: string): StackContainer[] {
    return this.containers.filter((container) => container.service === service);
  }

  async kill(service: string, index: number): Promise<void> {
    const container = this.of(service)[index];
    if (!container) throw new ScalebenchError('SB_ERR_INVALID_CONFIG', `no ${service} container ${index}`);
    await this.options.engine.docker.getContainer(container.id).kill({ signal: 'SIGKILL' });
  }

  async restart(service: string, index: number): Promise<void> {
    const container = this.of(service)[index];
    if (!container) throw new ScalebenchError('SB_ERR_INVALID_CONFIG', `no ${service} container ${index}`);
    await this.options.engine.docker.getContainer(container.id).start();
  }
}
