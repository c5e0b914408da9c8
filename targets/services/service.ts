/** The types shared by the service backends (Redis, Postgres, RabbitMQ) and their resolver. */

export type ServiceName = 'redis' | 'postgres' | 'rabbitmq';

export const serviceNames: readonly ServiceName[] = ['redis', 'postgres', 'rabbitmq'];

/** where a resolved service came from: its env variable, the default local address, or started by us */
export type ServiceSource = 'env' | 'local' | 'started';

export interface ResolvedService {
  name: ServiceName;
  url: string;
  source: ServiceSource;
  /** the server's own version string, e.g. '7.0.15' */
  version: string;
  /** time for one round trip on an open connection, in milliseconds */
  pingMs: number;
  /** pid of the server process when scalebench started it */
  pid?: number;
  /** data folder of the server process when scalebench started it (removed on stop) */
  dataDir?: string;
  /** stops it if scalebench started it (process killed, data removed); a no-op otherwise */
  stop(): Promise<void>;
}

export type ServiceEnv = Record<string, string | undefined>;

export interface ResolveOptions {
  /** the environment to read REDIS_URL / DATABASE_URL / AMQP_URL / SCALEBENCH_START_SERVICES from */
  env?: ServiceEnv;
  /** start a private server even when one answers (RabbitMQ cannot be started: it is resolved as usual) */
  forceStart?: boolean;
  /** per connection attempt; default 2000 ms */
  timeoutMs?: number;
}

/** what doctor reports about one service; nothing is started to find it out */
export type ServiceProbe =
  | {
      name: ServiceName;
      state: 'found';
      source: 'env' | 'local';
      url: string;
      version: string;
      pingMs: number;
    }
  | { name: ServiceName; state: 'startable'; how: string }
  | { name: ServiceName; state: 'missing'; problem: string; remedy: string };

/** the answer of a successful ping */
export interface PingResult {
  version: string;
  pingMs: number;
}

/** a server scalebench started */
export interface StartedServer {
  url: string;
  pid: number;
  dataDir: string;
  stop(): Promise<void>;
}

/** one backend: how to ping it, where it usually is, and (when possible) how to start one */
export interface ServiceBackend {
  name: ServiceName;
  /** human name for messages: 'Redis' */
  title: string;
  envVar: string;
  defaultUrl: string;
  /** false when scalebench can never start it (RabbitMQ): forceStart then resolves it as usual */
  startable: boolean;
  /** throws on failure (the error message says why) */
  ping(url: string, timeoutMs: number): Promise<PingResult>;
  /** undefined when it can be started here, else the reason it cannot (PATH is read from `env`) */
  cannotStart(env: ServiceEnv): Promise<string | undefined>;
  /** how it would be started, for doctor: 'redis-server from PATH (/usr/bin/redis-server)' */
  startHow(env: ServiceEnv): Promise<string>;
  /** starts a private server; throws ScalebenchError with the remedy when it cannot */
  start(env: ServiceEnv): Promise<StartedServer>;
  /** the remedy when it is neither reachable nor startable */
  remedy: string;
}
