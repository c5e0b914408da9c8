/**
 * `--stack docker`: the targets of an experiment as a Docker Compose stack (docker/compose/<name>.yaml)
 * instead of local processes. Checks for a reachable engine first, so a machine without one stops at
 * once with one clear line; brings the stack up with `up -d --wait` and down with `down -v`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { onCleanup } from '../../core/cleanup.ts';
import { packageRoot } from '../../core/entry-points.ts';
import { type ErrorCode, ScalebenchError } from '../../core/errors.ts';
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
const noEngineHint =
  'start Docker (or point DOCKER_HOST at an engine), or leave out --stack docker to run the targets as local processes';

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

/** Throws SB_ERR_NO_DOCKER unless `docker info` reaches an engine within a few seconds. */
export async function ensureDockerEngine(options: DockerOptions = {}): Promise<void> {
  const outcome = await runDockerCli(
    ['info', '--format', '{{.ServerVersion}}'],
    cliOptions(options, engineTimeoutMs),
  );
  if (outcome.kind === 'timeout') {
    fail('SB_ERR_NO_DOCKER', `no Docker engine answered within ${outcome.timeoutMs / 1000} s`, noEngineHint);
  }
  failUnlessDone(outcome, 'docker info');
  const version = outcome.stdout.trim().replace(/^"|"$/g, '');
  if (outcome.exitCode !== 0 || version === '') {
    const reason = lastLine(outcome.stderr) || `docker info exited with ${outcome.exitCode}`;
    fail('SB_ERR_NO_DOCKER', `no Docker engine is reachable: ${reason}`, noEngineHint);
  }
}

async function ensureComposePlugin(options: DockerOptions): Promise<void> {
  const outcome = await runDockerCli(['compose', 'version'], cliOptions(options, engineTimeoutMs));
  failUnlessDone(outcome, 'docker compose version');
  if (outcome.exitCode !== 0) {
    fail(
      'SB_ERR_NO_DOCKER',
      'the Docker Compose plugin is not installed (`docker compose version` failed)',
      'install docker-compose-plugin (Compose v2), or leave out --stack docker',
    );
  }
}

function projectArgs(file: string, projectName: string | undefined): string[] {
  return ['compose', '-f', file, ...(projectName ? ['-p', projectName] : [])];
}

/** `docker compose up -d --wait [--build] [--scale s=n]`: returns once every service is healthy. */
export async function composeUp(file: string, options: ComposeUpOptions = {}): Promise<ComposeStack> {
  await ensureDockerEngine(options);
  await ensureComposePlugin(options);
  const port = options.port ?? 8080;
  const scale = Object.entries(options.scale ?? {}).flatMap(([service, n]) => ['--scale', `${service}=${n}`]);
  const args = [
    ...projectArgs(file, options.projectName),
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
