/**
 * The one contract between measuring and reporting: the results file. Runners write it, reports and
 * `compare` read it. Latencies are milliseconds as floats. Bump SCHEMA_VERSION on a breaking change;
 * results/results.schema.json is generated from these definitions (see results/json-schema.ts).
 *
 * Its parts: run-schema.ts (one load run's measurements), error-class-schema.ts, environment-schema.ts,
 * bench-schema.ts (`bench`), suite-schema.ts (`run`) and ab-schema.ts (`ab`); this module names them all.
 */
import { z } from 'zod';
import { benchResultsSchema } from './bench-schema.ts';
import { SCHEMA_VERSION } from './schema-version.ts';
import { suiteResultsSchema } from './suite-schema.ts';

export { type AbResults, type AbTrial, abResultsSchema, abSideSchema, abTrialSchema } from './ab-schema.ts';
export { type BenchResults, type BenchTrial, benchResultsSchema, benchTrialSchema } from './bench-schema.ts';
export { type Environment, environmentSchema } from './environment-schema.ts';
export { type ErrorClass, errorClassSchema, GRPC_STATUS_NAMES } from './error-class-schema.ts';
export {
  type EncodedHistograms,
  encodedHistogramsSchema,
  type GrpcStats,
  grpcStatsSchema,
  type LatencyStats,
  latencyStatsSchema,
  type PhaseHistograms,
  type PhaseStats,
  phaseHistogramsSchema,
  phaseStatsSchema,
  protocolSchema,
  type RunResult,
  runResultSchema,
  type SeriesPoint,
  type StepHistograms,
  type StepStats,
  type StreamMetrics,
  type Summary,
  seriesPointSchema,
  stepHistogramsSchema,
  stepLatencySchema,
  stepStatsSchema,
  streamMetricsSchema,
  summarySchema,
} from './run-schema.ts';
export {
  type CapacityStepResult,
  capacityStepSchema,
  type DockerStack,
  dockerStackSchema,
  type ExperimentResult,
  experimentResultSchema,
  type FaultEvent,
  faultSchema,
  type HostLoadResult,
  hostLoadSchema,
  type ServerRecord,
  type SkippedVariant,
  type SuiteResults,
  serverModelSchema,
  serverRecordSchema,
  serverSizeSchema,
  skippedVariantSchema,
  sloSchema,
  suiteResultsSchema,
  type ThresholdOutcome,
  type TrialResult,
  thresholdOutcomeSchema,
  trialResultSchema,
  type VariantResult,
  variantResultSchema,
} from './suite-schema.ts';
export { SCHEMA_VERSION };

export const resultsFileSchema = z.discriminatedUnion('kind', [benchResultsSchema, suiteResultsSchema]);
export type ResultsFile = z.infer<typeof resultsFileSchema>;
