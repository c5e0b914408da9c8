/** What `scalebench bench` writes: a load run, or with --trials N each trial and their pool. */
import { z } from 'zod';
import { environmentSchema } from './environment-schema.ts';
import { runResultSchema, streamMetricsSchema } from './run-schema.ts';
import { SCHEMA_VERSION } from './schema-version.ts';

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
