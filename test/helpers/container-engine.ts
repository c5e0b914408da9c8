/**
 * Tests of `--stack docker` need a container engine: Docker, or podman's Docker API service that
 * `docker/local-engine.sh` sets up (.ci/run runs it). Without one they skip with that hint (and fail
 * under SCALEBENCH_REQUIRE_TOOLS=1). `leftovers` lists what of a stack is still on the engine — through
 * the podman CLI where it runs (what a person would type), else the Engine API.
 */
import { execFileSync } from 'node:child_process';
import { connectEngine, type Engine } from '../../orchestration/stack/container-engine.ts';
import { findOnPath } from '../../targets/lifecycle/find-executable.ts';
import { requireSetup, type SkippableContext } from './requires-tool.ts';

export const engineSetup = {
  name: 'container engine',
  install: 'as root: eval "$(docker/local-engine.sh)", or start Docker and set DOCKER_HOST',
};

export async function requireEngine(ctx: SkippableContext): Promise<Engine> {
  const engine = await connectEngine(process.env).catch(() => undefined);
  requireSetup(ctx, engine !== undefined, engineSetup);
  return engine!;
}

/** the stack (compose project) that publishes `port` on the engine, while it runs */
export async function stackPublishing(engine: Engine, port: number): Promise<string | undefined> {
  const containers = await engine.docker.listContainers();
  const balancer = containers.find((info) => info.Ports.some((published) => published.PublicPort === port));
  return balancer?.Labels['io.scalebench.stack'] ?? balancer?.Labels['com.docker.compose.project'];
}

/** containers, networks and volumes whose name holds `project`, as `podman … ls` shows them */
export async function leftovers(engine: Engine, project: string): Promise<string[]> {
  const podman = await findOnPath('podman');
  if (podman && engine.name.startsWith('podman')) {
    const ls = (args: string[]) => execFileSync(podman, args, { encoding: 'utf8' }).split('\n');
    return [
      ...ls(['ps', '-a', '--format', '{{.Names}}']).map((name) => `container ${name}`),
      ...ls(['network', 'ls', '--format', '{{.Name}}']).map((name) => `network ${name}`),
      ...ls(['volume', 'ls', '--format', '{{.Name}}']).map((name) => `volume ${name}`),
    ].filter((line) => line.includes(project));
  }
  const containers = await engine.docker.listContainers({ all: true });
  const networks = await engine.docker.listNetworks();
  const { Volumes: volumes } = await engine.docker.listVolumes();
  return [
    ...containers.flatMap((info) => info.Names.map((name) => `container ${name.replace(/^\//, '')}`)),
    ...networks.map((network) => `network ${network.Name}`),
    ...(volumes ?? []).map((volume) => `volume ${volume.Name}`),
  ].filter((line) => line.includes(project));
}

/** waits until nothing of `project` is left, up to `timeoutMs`; returns what is left then */
export async function waitUntilRemoved(
  engine: Engine,
  project: string,
  timeoutMs: number,
): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = await leftovers(engine, project);
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
