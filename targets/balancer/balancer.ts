/**
 * The load balancer in front of app clones: one interface for HAProxy, nginx and the built-in undici
 * proxy. Each distributes requests round-robin per request with keep-alive to the clones, takes a dead
 * clone out (active health checks, or passive ones for nginx) and, with `sticky`, pins a client to its
 * clone by cookie.
 */

export type BalancerKind = 'haproxy' | 'nginx' | 'builtin';

export type Affinity = 'none' | 'sticky';

export interface Backend {
  /** the clone's instance id, e.g. 'clone-0' (also the sticky cookie value) */
  id: string;
  port: number;
}

export interface BalancerOptions {
  backends: Backend[];
  affinity: Affinity;
  logDir: string;
  /** default: a free port */
  port?: number;
  /** active health check path; default '/healthz' */
  healthPath?: string;
}

export interface RunningBalancer {
  kind: BalancerKind;
  url: string;
  port: number;
  pid: number;
  logFile: string;
  /** the generated configuration file (haproxy, nginx) or null (builtin) */
  configFile: string | null;
  alive(): boolean;
  stop(): Promise<void>;
}

/** the cookie that pins a client to a clone when affinity is sticky (HAProxy, nginx and builtin alike) */
export const stickyCookie = 'SRV';
