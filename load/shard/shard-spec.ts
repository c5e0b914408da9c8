/** A shard of a sharded run: `i/N`, 0 ≤ i < N. Shard i drives 1/N of the load with its own VU ids. */
import { ScalebenchError } from '../../core/errors.ts';

export interface ShardSpec {
  /** 0-based */
  index: number;
  count: number;
}

/** '2/4' → { index: 2, count: 4 }; throws SB_ERR_INVALID_ARGUMENT unless 0 ≤ i < N. */
export function parseShard(text: string, flag = '--shard'): ShardSpec {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index >= count) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `${flag} '${text}' is not i/N with 0 ≤ i < N`, {
      hint: `number the shards from 0: ${flag} 0/4, ${flag} 1/4, ${flag} 2/4, ${flag} 3/4`,
    });
  }
  return { index, count };
}

/** Shard i of N owns the VU ids ≡ i (mod N): local id k becomes k·N + i, so no two shards share one. */
export function shardVuId(localId: number, shard: ShardSpec): number {
  return localId * shard.count + shard.index;
}
