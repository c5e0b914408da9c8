/** What `scalebench ab` writes: both sides' trials, in the order they ran. */
import { z } from 'zod';
import { benchTrialSchema } from './bench-schema.ts';
import { environmentSchema } from './environment-schema.ts';
import { SCHEMA_VERSION } from './schema-version.ts';

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
