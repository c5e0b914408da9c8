/**
 * The one contract between measuring and reporting: the results file. Runners write it, reports and
 * `compare` read it. Latencies are milliseconds as floats. Bump SCHEMA_VERSION on a breaking change;
 * results/results.schema.json is generated from these definitions (see results/json-schema.ts).
 */
import { z } from 'zod';
import { SCHEMA_VERSION } from './schema-version.ts';

export { SCHEMA_VERSION };

export const latencyStatsSchema = z.object({
  count: z.number().int().nonnegative(),
  min: z.number(),
  mean: z.number(),
  p50: z.number(),
  p90: z.number(),
  p99: z.number(),
  p999: z.number(),
  max: z.number(),
});
export type LatencyStats = z.infer<typeof latencyStatsSchema>;

/** base64 of compressed HdrHistograms in microseconds; the codec lives in results/histogram.ts */
export const encodedHistogramsSchema = z.object({
  response: z.string(),
  service: z.string(),
  scheduleLag: z.string(),
});
export type EncodedHistograms = z.infer<typeof encodedHistogramsSchema>;

/**
 * Request phases (results/phases.ts; thresholds name them as k6 does: http_req_connecting, ...):
 * waiting for a TCP connect, a TLS handshake (both 0 on a reused connection), the first response byte
 * (time to first byte) and the rest of the response. Responses only; absent in older files.
 */
export const phaseHistogramsSchema = z.object({
  connecting: z.string(),
  tlsHandshaking: z.string(),
  waiting: z.string(),
  receiving: z.string(),
});
export type PhaseHistograms = z.infer<typeof phaseHistogramsSchema>;

export const phaseStatsSchema = z.object({
  connecting: latencyStatsSchema,
  tlsHandshaking: latencyStatsSchema,
  waiting: latencyStatsSchema,
  receiving: latencyStatsSchema,
});
export type PhaseStats = z.infer<typeof phaseStatsSchema>;

/** the wire protocol that ran: HTTP/1.1 (over TCP, or TLS for https://), h2 (TLS, ALPN) or h2c (cleartext) */
export const protocolSchema = z.enum(['http/1.1', 'h2', 'h2c']);

const countsSchema = z.record(z.string(), z.number());

/** one point per second of the run, warm-up included (flagged) */
export const seriesPointSchema = z.object({
  second: z.number().int().nonnegative(),
  warmup: z.boolean(),
  requests: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  p50: z.number(),
  /** absent in results written before it was recorded */
  p90: z.number().optional(),
  p99: z.number(),
  /** errors this second by class (see errorClassSchema), when there were any */
  errorsByClass: countsSchema.optional(),
  /** responses this second per instance (the x-served-by header), when the target names itself */
  servedBy: countsSchema.optional(),
  /** the flow's counters this second (sessionsLost, staleReads, ...), when it counted any */
  counters: countsSchema.optional(),
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

/** gRPC status codes by name (as k6 and grpcurl name them), OK aside: each an error class of its own */
export const GRPC_STATUS_NAMES = [
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
] as const;

/**
 * error classes: refused, reset, timeout, parse (malformed response), tls (handshake or certificate
 * check failed), status_4xx, status_5xx, check, other; for gRPC calls the status code's name
 * (UNAVAILABLE, DEADLINE_EXCEEDED, …) and not_grpc (the server answered, but not in gRPC). WebSocket (load/ws/ws-errors.ts): ws_no_upgrade
 * (answered without 101), ws_subprotocol (asked-for subprotocol refused), ws_handshake_timeout,
 * ws_abnormal_close (connection lost without a close frame, 1006), ws_protocol_error (invalid frame),
 * ws_message_too_big (over the message cap), ws_close_error (closed by the server with an error code),
 * ws_reply_timeout (no matching message in time). Server-Sent Events: sse_not_stream (no 200
 * text/event-stream), sse_unterminated (a line over the cap, or cut off by the end of the stream).
 */
export const errorClassSchema = z.enum([
  'refused',
  'reset',
  'timeout',
  'parse',
  'tls',
  'status_4xx',
  'status_5xx',
  'check',
  'other',
  'ws_no_upgrade',
  'ws_subprotocol',
  'ws_handshake_timeout',
  'ws_abnormal_close',
  'ws_protocol_error',
  'ws_message_too_big',
  'ws_close_error',
  'ws_reply_timeout',
  'sse_not_stream',
  'sse_unterminated',
  'not_grpc',
  ...GRPC_STATUS_NAMES,
]);
export type ErrorClass = z.infer<typeof errorClassSchema>;

/** response and service time of one step (request name), summarized and as encoded HdrHistograms */
export const stepLatencySchema = z.object({ response: latencyStatsSchema, service: latencyStatsSchema });
export const stepHistogramsSchema = z.object({ response: z.string(), service: z.string() });
export type StepHistograms = z.infer<typeof stepHistogramsSchema>;

/**
 * One request name of a flow (`vu.request('login', …)`), or one target of a multi-target `bench`. Latency
 * and histograms are absent in files written before per-step histograms existed.
 */
export const stepStatsSchema = z.object({
  name: z.string(),
  requests: z.number().int().nonnegative(),
  errors: countsSchema,
  latency: stepLatencySchema.optional(),
  histograms: stepHistogramsSchema.optional(),
});
export type StepStats = z.infer<typeof stepStatsSchema>;

export const summarySchema = z.object({
  durationSeconds: z.number(),
  requests: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  errorsByClass: countsSchema,
  iterations: z.number().int().nonnegative(),
  /** arrivals that found no free virtual user (open model only) */
  droppedIterations: z.number().int().nonnegative(),
  achievedRate: z.number(),
  /** requests (or iterations) per second asked for; null for closed models */
  targetRate: z.number().nullable(),
  latency: z.object({
    response: latencyStatsSchema,
    service: latencyStatsSchema,
    scheduleLag: latencyStatsSchema,
  }),
  /** request phases of the responses (absent in older files) */
  phases: phaseStatsSchema.optional(),
  checks: z.record(z.string(), z.object({ passes: z.number(), fails: z.number() })),
  steps: z.array(stepStatsSchema),
  /** requests per backend instance, from the served-by header */
  servedBy: countsSchema,
  valid: z.boolean(),
  invalidReasons: z.array(z.string()),
});
export type Summary = z.infer<typeof summarySchema>;

export const environmentSchema = z.object({
  scalebenchVersion: z.string(),
  nodeVersion: z.string(),
  os: z.string(),
  arch: z.string(),
  cpuModel: z.string(),
  cores: z.number().int(),
  totalMemoryBytes: z.number(),
  gitCommit: z.string().nullable(),
});
export type Environment = z.infer<typeof environmentSchema>;

/**
 * What a gRPC run (`bench grpc://…`) adds: calls by status name (OK included; the other names are also
 * the error classes), the message bytes each way (protobuf-encoded, without the 5-byte gRPC frame
 * prefix), and for a server-streaming method the messages received, their rate and the time to each
 * stream's first message (ms, from the intended start).
 */
export const grpcStatsSchema = z.object({
  call: z.string(),
  statuses: countsSchema,
  bytesSent: z.number().int().nonnegative(),
  bytesReceived: z.number().int().nonnegative(),
  streamMessages: z.number().int().nonnegative().optional(),
  streamMessagesPerSecond: z.number().optional(),
  firstMessage: latencyStatsSchema.optional(),
});
export type GrpcStats = z.infer<typeof grpcStatsSchema>;

/** what one load run produces: `scalebench bench` writes exactly this */
export const runResultSchema = z.object({
  summary: summarySchema,
  histograms: encodedHistogramsSchema,
  /** request phase histograms (absent in older files) */
  phaseHistograms: phaseHistogramsSchema.optional(),
  /** the wire protocol that ran (absent in older files, which spoke http/1.1) */
  protocol: protocolSchema.optional(),
  /** gRPC runs only */
  grpc: grpcStatsSchema.optional(),
  series: z.array(seriesPointSchema),
});
export type RunResult = z.infer<typeof runResultSchema>;

/**
 * What a WebSocket or event-stream bench adds to a run: its counters (ws_sessions, ws_msgs_sent,
 * ws_close_1011, sse_events, ...) and latency metrics (ws_connecting, ws_reply, sse_first_event, ...),
 * each with its HdrHistogram so trials and shards merge exactly (results/merge-stream-metrics.ts).
 */
export const streamMetricsSchema = z.object({
  flowCounters: countsSchema.optional(),
  trends: z.record(z.string(), z.object({ stats: latencyStatsSchema, histogram: z.string() })).optional(),
});
export type StreamMetrics = z.infer<typeof streamMetricsSchema>;

/** one trial of `bench --trials N` (or one side's trial of `ab`): a whole load run of its own */
export const benchTrialSchema = runResultSchema.extend({
  trial: z.number().int().nonnegative(),
  startedAt: z.string(),
  ...streamMetricsSchema.shape,
});
export type BenchTrial = z.infer<typeof benchTrialSchema>;

/**
 * What `scalebench bench` writes. With --trials N, `trials` holds each trial (its own histograms) and the
 * top-level summary, histograms and series pool them all; `compare` takes one sample per trial.
 */
export const benchResultsSchema = runResultSchema.extend({
  schemaVersion: z.literal(SCHEMA_VERSION),
  kind: z.literal('bench'),
  createdAt: z.string(),
  options: z.record(z.string(), z.unknown()),
  environment: environmentSchema,
  /** set when this file is one shard of a sharded run, or a merge of shards */
  shard: z.object({ index: z.number().int(), count: z.number().int() }).optional(),
  mergedFrom: z.number().int().optional(),
  /** the trials of `bench --trials N`, in the order they ran; absent for a single run */
  trials: z.array(benchTrialSchema).optional(),
  /** a WebSocket or event-stream run's counters and latency metrics; with --trials, the trials' merged */
  ...streamMetricsSchema.shape,
});
export type BenchResults = z.infer<typeof benchResultsSchema>;

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
 * the server model that ran: a cgroup CPU quota, the in-process CPU governor or the stop/continue limiter
 * (size in CPUs), a worker pool (size in workers, CPU not capped) or none
 */
export const serverModelSchema = z.enum([
  'cpu-quota',
  'cpu-governor',
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

export const resultsFileSchema = z.discriminatedUnion('kind', [benchResultsSchema, suiteResultsSchema]);
export type ResultsFile = z.infer<typeof resultsFileSchema>;

/** one trial of `scalebench ab`: which side ran, and where in the sequence */
export const abTrialSchema = benchTrialSchema.extend({
  side: z.enum(['baseline', 'candidate']),
  /** 0-based position in the run order of both sides */
  sequence: z.number().int().nonnegative(),
});
export type AbTrial = z.infer<typeof abTrialSchema>;

export const abSideSchema = z.object({ url: z.string(), command: z.string().nullable() });

/**
 * What `scalebench ab` writes: both sides' trials in the order they ran (alternating, or a balanced
 * random order drawn from `order.seed`), so drift on the machine hits both sides alike.
 */
export const abResultsSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  kind: z.literal('ab'),
  createdAt: z.string(),
  options: z.record(z.string(), z.unknown()),
  environment: environmentSchema,
  order: z.object({ mode: z.enum(['alternate', 'random']), seed: z.number().int().nullable() }),
  baseline: abSideSchema,
  candidate: abSideSchema,
  trials: z.array(abTrialSchema),
});
export type AbResults = z.infer<typeof abResultsSchema>;
