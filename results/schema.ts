/**
 * The one contract between measuring and reporting: the results file. Runners write it, reports and
 * `compare` read it. Latencies are milliseconds as floats. Bump SCHEMA_VERSION on a breaking change;
 * results/results.schema.json is generated from these definitions (see results/json-schema.ts).
 */
import { z } from 'zod';

export const SCHEMA_VERSION = 1;

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

/** one point per second of the run, warm-up included (flagged) */
export const seriesPointSchema = z.object({
  second: z.number().int().nonnegative(),
  warmup: z.boolean(),
  requests: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  p50: z.number(),
  p99: z.number(),
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

/** error classes: refused, reset, timeout, parse (malformed response), status_4xx, status_5xx, check, other */
export const errorClassSchema = z.enum([
  'refused',
  'reset',
  'timeout',
  'parse',
  'status_4xx',
  'status_5xx',
  'check',
  'other',
]);
export type ErrorClass = z.infer<typeof errorClassSchema>;

const countsSchema = z.record(z.string(), z.number());

export const stepStatsSchema = z.object({
  name: z.string(),
  requests: z.number().int().nonnegative(),
  errors: countsSchema,
});

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

/** what one load run produces: `scalebench bench` writes exactly this */
export const runResultSchema = z.object({
  summary: summarySchema,
  histograms: encodedHistogramsSchema,
  series: z.array(seriesPointSchema),
});
export type RunResult = z.infer<typeof runResultSchema>;

export const benchResultsSchema = runResultSchema.extend({
  schemaVersion: z.literal(SCHEMA_VERSION),
  kind: z.literal('bench'),
  createdAt: z.string(),
  options: z.record(z.string(), z.unknown()),
  environment: environmentSchema,
  /** set when this file is one shard of a sharded run, or a merge of shards */
  shard: z.object({ index: z.number().int(), count: z.number().int() }).optional(),
  mergedFrom: z.number().int().optional(),
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
});
export type TrialResult = z.infer<typeof trialResultSchema>;

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
});
export type VariantResult = z.infer<typeof variantResultSchema>;

export const experimentResultSchema = z.object({
  name: z.string(),
  title: z.string(),
  variants: z.array(variantResultSchema),
});
export type ExperimentResult = z.infer<typeof experimentResultSchema>;

/** what `scalebench run` writes, rewritten after every variant; complete=false means partial */
export const suiteResultsSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  kind: z.literal('suite'),
  createdAt: z.string(),
  profile: z.enum(['quick', 'full', 'custom']),
  complete: z.boolean(),
  options: z.record(z.string(), z.unknown()),
  environment: environmentSchema,
  experiments: z.array(experimentResultSchema),
});
export type SuiteResults = z.infer<typeof suiteResultsSchema>;

export const resultsFileSchema = z.discriminatedUnion('kind', [benchResultsSchema, suiteResultsSchema]);
export type ResultsFile = z.infer<typeof resultsFileSchema>;
