/**
 * One shard's share of a load: the executor split as worker threads split it (split-executor.ts:
 * rates / N, VUs / N with the remainder on the lowest shards) and the flow given the shard's VU ids.
 */
import { ScalebenchError } from '../../core/errors.ts';
import type { LoadRunOptions } from '../../load-model/types.ts';
import { hasWork, splitExecutor } from '../engine/split-executor.ts';
import type { ShardSpec } from './shard-spec.ts';
import { shardFlowRef, withShardVuIds } from './sharded-flow.ts';

function shardFlow(options: LoadRunOptions, shard: ShardSpec): Partial<LoadRunOptions> {
  const { flow } = options;
  if (flow === undefined) return {};
  if ('module' in flow) return shardFlowRef(flow, options.flowParams ?? {}, shard);
  return { flow: withShardVuIds(flow, shard) };
}

export function shardLoadOptions(options: LoadRunOptions, shard: ShardSpec): LoadRunOptions {
  if (shard.count === 1) return options;
  const executor = splitExecutor(options.executor, shard.index, shard.count);
  if (!hasWork(executor)) {
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
