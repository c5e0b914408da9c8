/**
 * The code API of reference targets, used by `scalebench targets start` and by the experiments.
 * One definition per experiment (clones, caching, async, database); variants are config values.
 */
import type { ServiceName } from './services/service.ts';
import type { ServerSize } from './sizing/server-size.ts';

export interface TargetStartOptions {
  /** variant knobs, e.g. { session: 'redis', affinity: 'sticky' } */
  variant: Record<string, string>;
  /** number of app clones (clones experiment) or queue workers (async), where it applies */
  clones?: number;
  workers?: number;
  /** folder for the processes' log files */
  logDir: string;
  env?: Record<string, string | undefined>;
  /** the declared size of each server process (clone, worker, database); default: unlimited */
  server?: ServerSize;
  /** a database server's own CPUs where it differs from `server` (caching's PostgreSQL) */
  databaseCpus?: number;
}

export interface InstanceInfo {
  id: string;
  kind: 'clone' | 'worker' | 'balancer' | 'replica';
  url: string | null;
  pid: number | null;
  alive: boolean;
  logFile: string | null;
  /** the declared size it runs at (absent: not sized, e.g. a balancer) */
  server?: ServerSize;
  /** its CPU is its whole process tree's (a PostgreSQL server: postmaster and backends) */
  tree?: boolean;
}

export interface RunningTarget {
  experiment: string;
  /** the address to load: the balancer's for clones */
  url: string;
  /** which balancer runs in front, if any: haproxy, nginx or builtin */
  balancer: string | null;
  instances(): InstanceInfo[];
  /** kills one process (SIGKILL) of a kind, e.g. ('clone', 0) or ('worker', 1) */
  kill(kind: 'clone' | 'worker', index: number): Promise<void>;
  restart(kind: 'clone' | 'worker', index: number): Promise<void>;
  /** the app counters summed over instances (from /metrics), plus target-specific figures */
  counters(): Promise<Record<string, number>>;
  /**
   * After the load stops: waits for background work to finish (e.g. queued jobs to drain) and returns
   * correctness figures that only exist then, e.g. { jobsLost, jobsDuplicated }. `since` holds the
   * counters when the trial started: the figures are then this trial's, not the run's so far.
   */
  settle?(signal?: AbortSignal, since?: Record<string, number>): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

export interface TargetDefinition {
  name: string;
  description: string;
  /** knob → allowed values; the first is the default */
  variants: Record<string, readonly string[]>;
  /**
   * The backends a variant needs (checked before anything starts, so a missing one is named before any
   * load); `variant` holds the resolved knobs.
   */
  services(variant: Record<string, string>): ServiceName[];
  start(options: TargetStartOptions): Promise<RunningTarget>;
}
