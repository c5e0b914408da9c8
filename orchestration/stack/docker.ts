/**
 * `--stack docker` through Docker Compose v2 (`docker compose`), where the plugin is installed: the
 * targets of an experiment as docker/compose/<name>.yaml, brought up with `up -d --wait` and down with
 * `down -v`. Sizes go in as an override file (`cpus:`, `mem_limit:` per service). Engines without the
 * plugin run the same files through the Engine API instead (api-stack.ts).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { onCleanup } from '../../core/cleanup.ts';
import { packageRoot } from '../../core/entry-points.ts';
import { type ErrorCode, ScalebenchError } from '../../core/errors.ts';
import type { ContainerSize } from './api-stack.ts';
import { connectEngine, noEngineHint } from './container-engine.ts';
import { type DockerCliOptions, type DockerCliOutcome, lastLine, runDockerCli } from './docker-cli.ts';

export interface DockerOptions {
  /** the docker executable (default `docker`) */
  command?: string;
  /** environment of the docker commands (default process.env): DOCKER_HOST, DOCKER_CONTEXT, ... */
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface ComposeUpOptions extends DockerOptions {
  /** replicas per service, e.g. { app: 4 } or { worker: 3 } (`--scale app=4`) */
  scale?: Record<string, number>;
  /** variant knobs passed to the compose file's ${...} interpolation, e.g. { SESSION: 'memory' } */
  variables?: Record<string, string>;
  /** host port of the balancer, bound to 127.0.0.1 (default 8080) */
  port?: number;
  /** rebuild the target image first so the stack runs the current code (default true) */
  build?: boolean;
  projectName?: string;
  /** CPU and memory limits per service, written to an override file */
  sizes?: Record<string, ContainerSize>;
}

export interface ComposeStack {
  file: string;
  /** the balancer's address, the URL to load */
  url: string;
  /** brings the stack down now (also registered with onCleanup, so Ctrl-C and errors do it too) */
  down(): Promise<void>;
}

const engineTimeoutMs = 5_000;
const upTimeoutMs = 15 * 60_000;
const downTimeoutMs = 2 * 60_000;
const composeDir = join(packageRoot, 'docker/compose/');

/** The compose file of an experiment: docker/compose/<experiment>.yaml. */
export function composeFileFor(experiment: string): string {
  const file = `${composeDir}${experiment}.yaml`;
  if (!/^[a-z][a-z0-9-]*$/.test(experiment) || !existsSync(file)) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `no compose stack for experiment '${experiment}'`, {
      hint: 'see docker/compose/ for the experiments that run as containers',
    });
  }
  return file;
}

function cliOptions(options: DockerOptions, timeoutMs: number, extraEnv = {}): DockerCliOptions {
  return {
    command: options.command,
    env: { ...(options.env ?? process.env), ...extraEnv },
    timeoutMs: options.timeoutMs ?? timeoutMs,
    signal: options.signal,
  };
}

function fail(code: ErrorCode, message: string, hint: string): never {
  throw new ScalebenchError(code, message, { hint });
}

function failUnlessDone(
  outcome: DockerCliOutcome,
  what: string,
): asserts outcome is DockerCliOutcome & {
  kind: 'done';
} {
  if (outcome.kind === 'missing') {
    fail('SB_ERR_NO_DOCKER', `the docker CLI was not found (${outcome.command})`, noEngineHint);
  }
  if (outcome.kind === 'aborted') throw new ScalebenchError('SB_ERR_INTERRUPTED', `${what} interrupted`);
  if (outcome.kind === 'timeout') {
    fail('SB_ERR_NO_DOCKER', `${what} did not finish within ${outcome.timeoutMs / 1000} s`, noEngineHint);
  }
}

/** Throws SB_ERR_NO_DOCKER, naming DOCKER_HOST, unless an engine answers within a few seconds. */
export async function ensureDockerEngine(options: DockerOptions = {}): Promise<void> {
  await connectEngine(options.env ?? process.env);
}

/** Whether `docker compose` (v2) runs here. */
export async function hasComposeV2(options: DockerOptions = {}): Promise<boolean> {
  const outcome = await runDockerCli(['compose', 'version'], cliOptions(options, engineTimeoutMs));
  return outcome.kind === 'done' && outcome.exitCode === 0;
}

function projectArgs(file: string, projectName: string | undefined, override?: string): string[] {
  return [
    'compose',
    '-f',
    file,
    ...(override ? ['-f', override] : []),
    ...(projectName ? ['-p', projectName] : []),
  ];
}

/** an override file that gives each sized service `cpus:` and `mem_limit:` */
function sizeOverride(sizes: Record<string, ContainerSize>, services: readonly string[]): string | undefined {
  const sized = Object.entries(sizes).filter(([service]) => services.includes(service));
  if (sized.length === 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'scalebench-compose-'));
  const file = join(dir, 'sizes.yaml');
  const doc = {
    services: Object.fromEntries(
      sized.map(([service, size]) => [service, { cpus: size.cpus, mem_limit: size.memoryBytes }]),
    ),
  };
  writeFileSync(file, stringify(doc));
  onCleanup(`compose size override ${file}`, () => rmSync(dir, { recursive: true, force: true }));
  return file;
}

/** `docker compose up -d --wait [--build] [--scale s=n]`: returns once every service is healthy. */
export async function composeUp(
  file: string,
  services: readonly string[],
  options: ComposeUpOptions = {},
): Promise<ComposeStack> {
  const port = options.port ?? 8080;
  const scale = Object.entries(options.scale ?? {}).flatMap(([service, n]) => ['--scale', `${service}=${n}`]);
  const override = sizeOverride(options.sizes ?? {}, services);
  const args = [
    ...projectArgs(file, options.projectName, override),
    'up',
    '-d',
    '--wait',
    ...(options.build === false ? [] : ['--build']),
    ...scale,
  ];
  const env = { ...options.variables, SCALEBENCH_PORT: String(port) };
  const downOptions = { ...options, signal: undefined, timeoutMs: undefined };
  const down = onCleanup(`docker compose stack ${file}`, () => composeDown(file, downOptions));
  const outcome = await runDockerCli(args, cliOptions(options, upTimeoutMs, env));
  if (outcome.kind !== 'done' || outcome.exitCode !== 0) await down().catch(() => {});
  failUnlessDone(outcome, 'docker compose up');
  if (outcome.exitCode !== 0) {
    fail(
      'SB_ERR_TARGET_START',
      `docker compose up failed for ${file}: ${lastLine(outcome.stderr) || `exit ${outcome.exitCode}`}`,
      `see \`docker compose -f ${file} logs\`, then \`docker compose -f ${file} down -v\``,
    );
  }
  return { file, url: `http://127.0.0.1:${port}`, down };
}

/**
 * `docker compose down -v --remove-orphans`: stops the stack and removes its containers and volumes.
 * Pass no abort signal here: it is what runs after Ctrl-C.
 */
export async function composeDown(file: string, options: DockerOptions & { projectName?: string } = {}) {
  const args = [...projectArgs(file, options.projectName), 'down', '-v', '--remove-orphans'];
  const outcome = await runDockerCli(args, cliOptions(options, downTimeoutMs));
  failUnlessDone(outcome, 'docker compose down');
  if (outcome.exitCode !== 0) {
    fail(
      'SB_ERR_INTERNAL',
      `docker compose down failed for ${file}: ${lastLine(outcome.stderr) || `exit ${outcome.exitCode}`}`,
      `run \`docker compose -f ${file} down -v\` by hand`,
    );
  }
}
