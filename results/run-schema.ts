/**
 * The measurements of one load run, the part of the results contract every kind of file shares:
 * latency summaries, encoded histograms, request phases, the per-second series, steps, the summary and
 * what a gRPC or stream run adds. Latencies are milliseconds as floats.
 */
import { z } from 'zod';

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

/** counts by name (error classes, instances, counters) */
export const countsSchema = z.record(z.string(), z.number());

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
