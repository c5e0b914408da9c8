/**
 * What `scalebench run` writes: experiments of variants, each variant its trials (a load run with the
 * target's counters, correctness, faults and host load), thresholds, capacity search and servers.
 */
import { z } from 'zod';
import { environmentSchema } from './environment-schema.ts';
import { countsSchema, latencyStatsSchema, runResultSchema } from './run-schema.ts';
import { SCHEMA_VERSION } from './schema-version.ts';

export const faultSchema = z.object({
  atSeconds: z.number(),
  kind: z.string(),
  detail: z.string(),
});
export type FaultEvent = z.infer<typeof faultSchema>;

export const thresholdOutcomeSchema = z.object({
  metric: z.string(),
  expression: z.string(),
  actual: z.number().nullable(),
  passed: z.boolean(),
});
export type ThresholdOutcome = z.infer<typeof thresholdOutcomeSchema>;

/** the host during a trial's measured part (the host-headroom guard) */
export const hostLoadSchema = z.object({
  /** share of the host's CPU left idle, 0..1; null when unknown (not Linux) */
  idle: z.number().nullable(),
  /** cores' worth of CPU the load generator used */
  generatorCores: z.number(),
  hostBound: z.boolean(),
});
export type HostLoadResult = z.infer<typeof hostLoadSchema>;

export const trialResultSchema = runResultSchema.extend({
  trial: z.number().int().nonnegative(),
  /** the target's own counters, e.g. cacheHits, cacheMisses, from /metrics */
  counters: countsSchema,
  /** correctness under load: sessionsLost, staleReads, jobsLost, jobsDuplicated, rywViolations, ... */
  correctness: countsSchema,
  /** experiment-specific time series, e.g. queueDepth or replicaLagMs, one value per second */
  extraSeries: z.record(z.string(), z.array(z.number())),
  /** custom latency metrics of the flow, e.g. jobLatencyMs (post → done as seen by the poller) */
  trends: z.record(z.string(), z.object({ stats: latencyStatsSchema, histogram: z.string() })).optional(),
  faults: z.array(faultSchema),
  /** how busy the host was during the measured part; absent in older files */
  host: hostLoadSchema.optional(),
});
export type TrialResult = z.infer<typeof trialResultSchema>;

export const sloSchema = z.object({ p99Ms: z.number(), errorRate: z.number() });

export const capacityStepSchema = z.object({
  rate: z.number(),
  ok: z.boolean(),
  p99Ms: z.number(),
  errorRate: z.number(),
  hostIdle: z.number().nullable(),
  generatorCores: z.number(),
  /** why the step broke the SLO: p99, errors, dropped arrivals, a saturated generator */
  broken: z.string().optional(),
  /** requests the step's measured part held (absent in older files) */
  requests: z.number().int().optional(),
  /** CPUs each sized server used during the step, by server name (absent where not measured) */
  servers: z.record(z.string(), z.number()).optional(),
});
export type CapacityStepResult = z.infer<typeof capacityStepSchema>;

/**
 * the server model that ran: a cgroup CPU quota, the in-process CPU governor, whole cores by CPU affinity
 * or the stop/continue limiter (size in CPUs), a worker pool (size in workers, CPU not capped) or none
 */
export const serverModelSchema = z.enum([
  'cpu-quota',
  'cpu-governor',
  'cpu-affinity',
  'cpu-limiter',
  'worker-pool',
  'unlimited',
]);
export const serverSizeSchema = z.object({
  model: serverModelSchema,
  size: z.number().nullable(),
  label: z.string(),
});

/** one server process (or process tree) of a target: its declared size and the CPU it used */
export const serverRecordSchema = z.object({
  /** e.g. clone-0, worker-1, postgres-primary, balancer */
  name: z.string(),
  model: serverModelSchema,
  /** CPUs (or workers for worker-pool); null when not sized */
  size: z.number().nullable(),
  label: z.string(),
  /** CPUs it used at the knee of the capacity search (the step the capacity figure comes from), null when unmeasured */
  cpuAtKnee: z.number().nullable(),
  /** it used more than its size + 10% at the knee: the size did not hold */
  overSize: z.boolean(),
});
export type ServerRecord = z.infer<typeof serverRecordSchema>;

/** `--stack docker`: how the variant's containers ran, and each service's replicas and limits */
export const dockerStackSchema = z.object({
  /** compose-v2: `docker compose`; engine-api: scalebench read the compose file and drove the Engine API */
  driver: z.enum(['compose-v2', 'engine-api']),
  /** the engine and its version, e.g. 'podman 4.3.1' */
  engine: z.string(),
  /** the compose project (every container, network and volume is labelled with it) */
  project: z.string(),
  containers: z.array(
    z.object({
      service: z.string(),
      replicas: z.number().int(),
      /** the CPU quota of each replica (`cpus:`), null when unlimited */
      cpus: z.number().nullable(),
      memoryBytes: z.number().nullable(),
    }),
  ),
});
export type DockerStack = z.infer<typeof dockerStackSchema>;

export const variantResultSchema = z.object({
  name: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** which load balancer ran in front of clones, if any: haproxy, nginx or builtin */
  balancer: z.string().nullable(),
  trials: z.array(trialResultSchema),
  thresholds: z.array(thresholdOutcomeSchema),
  /** highest sustainable rate found by capacity search, when it ran */
  capacity: z.number().nullable(),
  /**
   * true when the capacity search reached its maxRate with the SLO still held: the true capacity is then
   * at least `capacity`. Absent in files written before it existed, which reads as false.
   */
  capped: z.boolean().optional(),
  /** the SLO the capacity held (absent when no search ran, and in files from before it was recorded) */
  slo: sloSchema.optional(),
  /** share of the host's CPU left idle at the knee of the capacity search (0..1), null when unknown */
  hostIdleAtKnee: z.number().nullable().optional(),
  /**
   * the host itself was saturated (under 15% idle) where the figure was measured, at the knee of the
   * capacity search or during a trial: the figure is this machine's limit, not the architecture's
   */
  hostBound: z.boolean().optional(),
  /** every step of the capacity search, in the order they ran */
  capacitySteps: z.array(capacityStepSchema).optional(),
  /** the declared size each server process of the target ran at */
  server: serverSizeSchema.optional(),
  /** each server process of the target: model, size and CPU used at the knee (absent in older files) */
  servers: z.array(serverRecordSchema).optional(),
  /**
   * the rate the trials were driven at and its share of the capacity found (absent in older files, and
   * where the trials ran a closed model): share > 1 means the trials measured overload
   */
  load: z
    .object({
      /** iterations (or requests) per second the trials asked for */
      rate: z.number(),
      /** fixed: the scenario's declared rate; from-capacity: a share of the compared variants' capacity */
      derivation: z.enum(['fixed', 'from-capacity']),
      capacity: z.number().nullable(),
      share: z.number().nullable(),
      /** the capacity is a floor (the search's ceiling held), so the share is at most this */
      atMost: z.boolean().optional(),
    })
    .optional(),
  /** the read replica's apply delay in ms (database experiment, db=replica), as `--replica-delay` set it */
  replicaDelayMs: z.number().optional(),
  /** where the target ran as containers (`run --stack docker`); absent for local processes */
  stack: dockerStackSchema.optional(),
  /** how many app clones and queue workers the variant ran, where it says */
  clones: z.number().int().optional(),
  workers: z.number().int().optional(),
});
export type VariantResult = z.infer<typeof variantResultSchema>;

/** a variant that did not run because a backend it needs is missing here (e.g. no RabbitMQ) */
export const skippedVariantSchema = z.object({
  name: z.string(),
  /** the backend it lacks: redis, postgres or rabbitmq */
  service: z.string(),
  reason: z.string(),
  remedy: z.string(),
});
export type SkippedVariant = z.infer<typeof skippedVariantSchema>;

export const experimentResultSchema = z.object({
  name: z.string(),
  title: z.string(),
  variants: z.array(variantResultSchema),
  /** variants left out because a backend they need is missing; absent when none was */
  skipped: z.array(skippedVariantSchema).optional(),
  /**
   * the one rate every variant's trials ran at and how it was chosen (absent in older files and for
   * closed-model experiments): from-capacity is `fraction` of the smallest capacity a compared variant
   * had after its fault (`from`, `limitingCapacity`); fixed is the scenario's declared rate or --rate
   */
  comparison: z
    .object({
      rate: z.number(),
      derivation: z.enum(['fixed', 'from-capacity']),
      fraction: z.number(),
      from: z.string().optional(),
      limitingCapacity: z.number().optional(),
      /** one plain line: '70% of stateless-1's capacity 45/s, the smallest of the compared variants' */
      reason: z.string(),
    })
    .optional(),
});
export type ExperimentResult = z.infer<typeof experimentResultSchema>;

/** what `scalebench run` writes, rewritten after every variant; complete=false means partial */
export const suiteResultsSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  kind: z.literal('suite'),
  createdAt: z.string(),
  profile: z.enum(['quick', 'default', 'full', 'custom']),
  complete: z.boolean(),
  options: z.record(z.string(), z.unknown()),
  environment: environmentSchema,
  experiments: z.array(experimentResultSchema),
});
export type SuiteResults = z.infer<typeof suiteResultsSchema>;
