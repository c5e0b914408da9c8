/** The results file `bench` writes: one run's, or the trials' of `bench --trials N` pooled. */
import type { RunOutcome } from '../../load/engine/build-outcome.ts';
import { grpcStats } from '../../load/grpc/grpc-stats.ts';
import { describePlan } from '../../load-model/plan/describe-plan.ts';
import type { LoadRunOptions } from '../../load-model/types.ts';
import { collectEnvironment } from '../../results/environment.ts';
import { poolTrials } from '../../results/pool-trials.ts';
import type { BenchResults, BenchTrial } from '../../results/schema.ts';
import { SCHEMA_VERSION } from '../../results/schema-version.ts';
import { streamMetrics } from '../progress/stream-summary.ts';
import type { BenchOptions } from './bench-run-options.ts';

/** the run's options as results files record them: reflected descriptors left out (the call names them) */
export function recordedLoad(load: LoadRunOptions): Record<string, unknown> {
  if (load.grpc?.reflected === undefined) return { ...load };
  const { reflected: _reflected, ...grpc } = load.grpc;
  return { ...load, grpc: { ...grpc, proto: 'server reflection' } };
}

export function toBenchResults(options: BenchOptions, outcome: RunOutcome, cwd: string): BenchResults {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'bench',
    createdAt: new Date().toISOString(),
    options: { ...recordedLoad(options.load), interrupted: outcome.interrupted, plan: outcome.plan },
    environment: collectEnvironment(cwd),
    summary: outcome.summary,
    histograms: outcome.histograms,
    ...(outcome.phaseHistograms ? { phaseHistograms: outcome.phaseHistograms } : {}),
    ...(outcome.protocol ? { protocol: outcome.protocol } : {}),
    ...(options.load.grpc
      ? { grpc: grpcStats(options.load.grpc.call, options.load.grpc.serverStreaming === true, outcome) }
      : {}),
    series: outcome.series,
    ...(options.shard ? { shard: options.shard } : {}),
    ...streamMetrics(outcome),
  };
}

export function toTrialsResults(
  options: BenchOptions,
  trials: BenchTrial[],
  interrupted: boolean,
  cwd: string,
): BenchResults {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'bench',
    createdAt: new Date().toISOString(),
    options: {
      ...recordedLoad(options.load),
      interrupted,
      plan: describePlan(options.plan),
      trials: options.trials,
      pauseMs: options.pauseMs,
    },
    environment: collectEnvironment(cwd),
    ...poolTrials(trials),
    trials,
  };
}
