/**
 * What each synthetic experiment variant looks like: its latency distribution, rate, errors, the target's
 * counters and correctness counts. Numbers are shaped like the real experiments' expected outcomes.
 */
import type { FaultEvent } from '../../results/schema.ts';

export interface TrialShape {
  /** seconds since start, warm-up included */
  second: number;
  /** 0..1 position in the measured part of the run */
  progress: number;
}

export interface VariantProfile {
  name: string;
  params: Record<string, string | number>;
  balancer: string | null;
  /** median response latency, ms */
  p50Ms: number;
  /** log-normal shape; larger means a longer tail */
  sigma: number;
  /** requests per second actually served */
  rate: number;
  targetRate: number | null;
  errorRate: number;
  counters: (requests: number) => Record<string, number>;
  correctness: (requests: number) => Record<string, number>;
  extraSeries: Record<string, (shape: TrialShape) => number>;
  faults: FaultEvent[];
  /** latency multiplier for a given second, e.g. a spike after a fault */
  slowdown?: (second: number) => number;
  servedBy?: (requests: number) => Record<string, number>;
}

export interface ExperimentProfile {
  name: string;
  title: string;
  variants: VariantProfile[];
}

const killAt10: FaultEvent[] = [{ atSeconds: 10, kind: 'kill', detail: 'killed clone-2 (SIGKILL)' }];
const afterKill = (second: number) => (second >= 10 && second < 12 ? 3 : 1);

function clone(name: string, p50Ms: number, sessionsLostShare: number, sticky: boolean): VariantProfile {
  return {
    name,
    params: {
      session: name === 'redis' ? 'redis' : 'memory',
      clones: 2,
      affinity: sticky ? 'sticky' : 'none',
    },
    balancer: 'haproxy',
    p50Ms,
    sigma: 0.35,
    rate: 200,
    targetRate: 200,
    errorRate: name === 'redis' ? 0.001 : 0.004,
    counters: (requests) => ({ sessionsCreated: Math.round(requests * 0.05) }),
    correctness: (requests) => ({ sessionsLost: Math.round(requests * sessionsLostShare) }),
    extraSeries: {},
    faults: killAt10,
    slowdown: afterKill,
    servedBy: (requests) => ({
      'clone-1': Math.round(requests * (sticky ? 0.68 : 0.62)),
      'clone-2': Math.round(requests * (sticky ? 0.32 : 0.38)),
    }),
  };
}

function cache(name: string, p50Ms: number, hitRatio: number, staleShare: number): VariantProfile {
  return {
    name,
    params: { cache: name },
    balancer: null,
    p50Ms,
    sigma: 0.45,
    rate: 300,
    targetRate: 300,
    errorRate: 0,
    counters: (requests): Record<string, number> =>
      hitRatio === 0
        ? {}
        : { cacheHits: Math.round(requests * hitRatio), cacheMisses: Math.round(requests * (1 - hitRatio)) },
    correctness: (requests) => ({ staleReads: Math.round(requests * staleShare) }),
    extraSeries: {},
    faults: [],
  };
}

function work(name: string, p50Ms: number, rate: number, lost: number, duplicated: number): VariantProfile {
  return {
    name,
    params: { work: name },
    balancer: null,
    p50Ms,
    sigma: name === 'sync' ? 0.25 : 0.4,
    rate,
    targetRate: 150,
    errorRate: name === 'sync' ? 0.02 : 0,
    counters: (requests) => ({
      jobsEnqueued: name === 'queued' ? requests : 0,
      jobsCompleted: requests - lost,
    }),
    correctness: () => ({ jobsLost: lost, jobsDuplicated: duplicated }),
    extraSeries:
      name === 'queued'
        ? { queueDepth: ({ progress }) => Math.round(400 * Math.sin(Math.PI * Math.min(progress, 1))) }
        : {},
    faults: name === 'queued' ? [{ atSeconds: 15, kind: 'restart', detail: 'restarted worker-1' }] : [],
  };
}

function database(name: string, p50Ms: number, rywViolations: number): VariantProfile {
  return {
    name,
    params: {
      schema: name === 'normalized' ? 'normalized' : 'denormalized',
      reads: name === 'replica' ? 'replica' : 'primary',
    },
    balancer: null,
    p50Ms,
    sigma: 0.3,
    rate: 250,
    targetRate: 250,
    errorRate: 0,
    counters: (requests) => ({ primaryQueries: name === 'replica' ? Math.round(requests * 0.2) : requests }),
    correctness: () => ({ rywViolations }),
    extraSeries:
      name === 'replica' ? { replicaLagMs: ({ second }) => 20 + 60 * Math.abs(Math.sin(second / 4)) } : {},
    faults: [],
  };
}

export const experimentProfiles: ExperimentProfile[] = [
  {
    name: 'clones',
    title: 'Clones behind a load balancer',
    variants: [
      clone('memory', 4.2, 0.021, false),
      clone('sticky', 4.0, 0.008, true),
      clone('redis', 4.6, 0, false),
    ],
  },
  {
    name: 'caching',
    title: 'Caching: database queries vs objects',
    variants: [cache('none', 12.1, 0, 0), cache('query', 3.1, 0.9, 0.042), cache('object', 0.9, 0.98, 0)],
  },
  {
    name: 'async',
    title: 'Asynchronous processing',
    variants: [
      work('sync', 180, 110, 0, 0),
      work('queued', 5.5, 150, 3, 7),
      work('prerendered', 1.4, 150, 0, 0),
    ],
  },
  {
    name: 'database',
    title: 'Database: normalized, denormalized, read replica',
    variants: [
      database('normalized', 8.4, 0),
      database('denormalized', 3.2, 0),
      database('replica', 2.6, 37),
    ],
  },
];
