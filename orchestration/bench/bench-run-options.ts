/**
 * What one `bench` run takes: the load as the flags gave it and as compiled, where its results and live
 * outputs go, its shard and its trials. cli/bench-options.ts parses the flags into it.
 */
import { withReflectedCall } from '../../load/grpc/reflected-call.ts';
import type { ShardSpec } from '../../load/shard/shard-spec.ts';
import { assertLoadPlan } from '../../load-model/plan/compile-plan.ts';
import type { LoadPlan } from '../../load-model/plan/load-plan.ts';
import type { LoadRunOptions } from '../../load-model/types.ts';
import type { LiveOptions } from '../live/live-outputs.ts';

export interface BenchOptions {
  /** the load options as parsed from the flags: what the results file records */
  load: LoadRunOptions;
  /** the same, compiled: what runs */
  plan: LoadPlan;
  jsonPath: string | undefined;
  quiet: boolean;
  /** --dashboard, --out prometheus=URL */
  live: LiveOptions;
  /** this process runs shard index of count: 1/count of the load (load keeps the whole) */
  shard?: ShardSpec;
  /** --trials N: N whole runs, one sample each for `compare`; 1 writes a plain single-run file */
  trials: number;
  /** --pause between trials */
  pauseMs: number;
}

/**
 * A gRPC call given without --proto, its method and messages asked of the server's reflection service
 * once it is reachable; the plan compiled again with them. Any other load as given.
 */
export async function reflected(given: BenchOptions): Promise<BenchOptions> {
  const load = await withReflectedCall(given.load, given.plan.timeoutMs);
  return load === given.load ? given : { ...given, load, plan: assertLoadPlan(load) };
}
