/**
 * A compose file (docker/compose/<experiment>.yaml) read into plain data, for engines without a
 * `docker compose` v2 plugin: variables interpolated the way Compose does (`${VAR}`, `${VAR:-default}`,
 * `$$`), YAML merge keys honoured, relative paths made absolute. Only what the four stacks use is read:
 * image, build, command, entrypoint, environment, volumes, ports, healthcheck, depends_on, init, restart.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { ScalebenchError } from '../../core/errors.ts';

export type DependencyCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully';

export interface HealthCheck {
  /** the command to exec in the container: ['CMD', ...] as argv, ['CMD-SHELL', s] through sh -c */
  command: string[];
  intervalMs: number;
  timeoutMs: number;
  retries: number;
  startPeriodMs: number;
}

export interface ServiceBuild {
  context: string;
  dockerfile: string;
  args: Record<string, string>;
}

export interface ServiceMount {
  type: 'bind' | 'volume';
  /** an absolute host path (bind) or the volume's name in the file (volume) */
  source: string;
  target: string;
  readOnly: boolean;
}

export interface PublishedPort {
  hostIp: string;
  hostPort: number;
  containerPort: number;
}

export interface ComposeService {
  name: string;
  image: string;
  build: ServiceBuild | null;
  command: string[] | null;
  entrypoint: string[] | null;
  environment: Record<string, string>;
  mounts: ServiceMount[];
  ports: PublishedPort[];
  healthcheck: HealthCheck | null;
  dependsOn: { service: string; condition: DependencyCondition }[];
  init: boolean;
}

export interface ComposeProject {
  name: string;
  file: string;
  services: ComposeService[];
  volumes: string[];
}

type Raw = Record<string, unknown>;

/** `${VAR}`, `${VAR:-default}`, `${VAR-default}` and `$$`, as Compose interpolates them. */
export function interpolate(text: string, variables: Record<string, string | undefined>): string {
  return text.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}/g,
    (whole, name?: string, op?: string, fallback?: string) => {
      if (whole === '$$') return '$';
      const value = variables[name!];
      if (op === ':-') return value === undefined || value === '' ? (fallback ?? '') : value;
      if (op === '-') return value === undefined ? (fallback ?? '') : value;
      return value ?? '';
    },
  );
}

/** '2s', '500ms', '1m30s' → milliseconds (Compose durations) */
export function composeDurationMs(value: unknown, fallbackMs: number): number {
  if (typeof value !== 'string' || value === '') return fallbackMs;
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  for (const [, amount, unit] of value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
    total += Number(amount) * units[unit!]!;
  }
  return total > 0 ? total : fallbackMs;
}

function bad(file: string, message: string): never {
  throw new ScalebenchError('SB_ERR_INVALID_CONFIG', `${file}: ${message}`, {
    hint: 'the compose files in docker/compose/ are read by scalebench itself when no Compose v2 runs',
  });
}

function stringList(value: unknown): string[] | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return ['sh', '-c', value];
  return (value as unknown[]).map(String);
}

function environment(value: unknown): Record<string, string> {
  if (!value) return {};
  if (Array.isArray(value)) {
    return Object.fromEntries(
      value.map(String).map((entry) => {
        const at = entry.indexOf('=');
        return at === -1 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(value as Raw).map(([key, v]) => [key, v === null ? '' : String(v)]),
  );
}

function mounts(value: unknown, baseDir: string): ServiceMount[] {
  return ((value as unknown[] | undefined) ?? []).map((entry) => {
    if (typeof entry === 'string') {
      const [source = '', target = '', mode] = entry.split(':');
      const bind = source.startsWith('.') || source.startsWith('/');
      return {
        type: bind ? 'bind' : 'volume',
        source: bind ? resolve(baseDir, source) : source,
        target,
        readOnly: mode === 'ro',
      };
    }
    const long = entry as Raw;
    const type = long.type === 'bind' ? 'bind' : 'volume';
    const source = String(long.source);
    return {
      type,
      source: type === 'bind' ? resolve(baseDir, source) : source,
      target: String(long.target),
      readOnly: long.read_only === true,
    };
  });
}

function ports(value: unknown, file: string): PublishedPort[] {
  return ((value as unknown[] | undefined) ?? []).map((entry) => {
    const parts = String(entry).split(':');
    const containerPort = Number(parts.at(-1));
    const hostPort = Number(parts.at(-2));
    const hostIp = parts.length === 3 ? parts[0]! : '0.0.0.0';
    if (!Number.isInteger(containerPort) || !Number.isInteger(hostPort)) bad(file, `bad port '${entry}'`);
    return { hostIp, hostPort, containerPort };
  });
}

function healthcheck(value: unknown): HealthCheck | null {
  const raw = value as Raw | undefined;
  if (!raw || raw.disable === true || !Array.isArray(raw.test)) return null;
  const [kind, ...rest] = (raw.test as unknown[]).map(String);
  if (kind === 'NONE') return null;
  const command = kind === 'CMD-SHELL' ? ['sh', '-c', rest.join(' ')] : rest;
  return {
    command,
    intervalMs: composeDurationMs(raw.interval, 30_000),
    timeoutMs: composeDurationMs(raw.timeout, 30_000),
    retries: typeof raw.retries === 'number' ? raw.retries : 3,
    startPeriodMs: composeDurationMs(raw.start_period, 0),
  };
}

function dependsOn(value: unknown): ComposeService['dependsOn'] {
  if (!value) return [];
  if (Array.isArray(value))
    return value.map((service) => ({ service: String(service), condition: 'service_started' }));
  return Object.entries(value as Record<string, Raw>).map(([service, spec]) => ({
    service,
    condition: (spec?.condition as DependencyCondition | undefined) ?? 'service_started',
  }));
}

function build(value: unknown, baseDir: string): ServiceBuild | null {
  if (!value) return null;
  if (typeof value === 'string')
    return { context: resolve(baseDir, value), dockerfile: 'Dockerfile', args: {} };
  const raw = value as Raw;
  return {
    context: resolve(baseDir, String(raw.context ?? '.')),
    dockerfile: String(raw.dockerfile ?? 'Dockerfile'),
    args: environment(raw.args),
  };
}

/** Reads a compose file with `variables` (and nothing else) as its interpolation environment. */
export function readComposeFile(file: string, variables: Record<string, string | undefined>): ComposeProject {
  const text = interpolate(readFileSync(file, 'utf8'), variables);
  const doc = parse(text, { merge: true }) as Raw;
  const baseDir = dirname(file);
  const services = Object.entries((doc.services as Record<string, Raw> | undefined) ?? {}).map(
    ([name, raw]): ComposeService => {
      const image = raw.image === undefined ? undefined : String(raw.image);
      if (image === undefined && !raw.build) bad(file, `service ${name} has neither image nor build`);
      return {
        name,
        image: image ?? `${String(doc.name ?? 'stack')}-${name}`,
        build: build(raw.build, baseDir),
        command: stringList(raw.command),
        entrypoint: stringList(raw.entrypoint),
        environment: environment(raw.environment),
        mounts: mounts(raw.volumes, baseDir),
        ports: ports(raw.ports, file),
        healthcheck: healthcheck(raw.healthcheck),
        dependsOn: dependsOn(raw.depends_on),
        init: raw.init === true,
      };
    },
  );
  return {
    name: String(doc.name ?? 'stack'),
    file,
    services,
    volumes: Object.keys((doc.volumes as Raw | undefined) ?? {}),
  };
}

/** The services in an order where each comes after everything it depends on. */
export function startOrder(project: ComposeProject): ComposeService[] {
  const byName = new Map(project.services.map((service) => [service.name, service]));
  const ordered: ComposeService[] = [];
  const visiting = new Set<string>();
  const visit = (service: ComposeService) => {
    if (ordered.includes(service)) return;
    if (visiting.has(service.name)) bad(project.file, `depends_on has a cycle through ${service.name}`);
    visiting.add(service.name);
    for (const dependency of service.dependsOn) {
      const next = byName.get(dependency.service);
      if (!next) bad(project.file, `${service.name} depends on unknown service ${dependency.service}`);
      visit(next);
    }
    ordered.push(service);
  };
  for (const service of project.services) visit(service);
  return ordered;
}
