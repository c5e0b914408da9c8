/**
 * One shard's share of a load plan: the executor split as worker threads split it (its module's split:
 * rates / N, VUs / N with the remainder on the lowest shards) and the flow given the shard's VU ids.
 */
import { ScalebenchError } from '../../core/errors.ts';
import { executorOf } from '../../load-model/executors/registry.ts';
import type { LoadPlan } from '../../load-model/plan/load-plan.ts';
import type { ShardSpec } from './shard-spec.ts';
import { shardFlowRef, withShardVuIds } from './sharded-flow.ts';

function shardFlow(options: LoadPlan, shard: ShardSpec): Partial<LoadPlan> {
  const { flow } = options;
  if (flow === undefined) return {};
  if ('module' in flow) return shardFlowRef(flow, options.flowParams, shard);
  return { flow: withShardVuIds(flow, shard) };
}

export function shardLoadPlan(options: LoadPlan, shard: ShardSpec): LoadPlan {
  if (shard.count === 1) return options;
  const module = executorOf(options.executor);
  const executor = module.split(options.executor, shard.index, shard.count);
  if (!module.hasWork(executor)) {
    throw new ScalebenchError(
      'SB_ERR_INVALID_ARGUMENT',
      `shard ${shard.index}/${shard.count} gets no virtual users: the load has fewer VUs than shards`,
      { hint: 'use at least as many connections (VUs) as shards, or fewer shards' },
    );
  }
  return {
    ...options,
    executor,
    ...shardFlow(options, shard),
    dataSlice: { index: shard.index, count: shard.count },
  };
}
