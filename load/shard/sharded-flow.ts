/**
 * Gives a flow the shard's slice of VU ids: the flow sees `vu.id` = local id · N + i (shard-spec.ts).
 * A flow object is wrapped directly; a flow module reference (worker threads) goes through
 * `shardedFlow`, which imports the original module once per thread, as soon as the thread is set up.
 */

import { defineFlow } from '../../load-model/flows/define-flow.ts';
import type { FlowDefinition, VirtualUser } from '../../load-model/flows/types.ts';
import type { FlowRef } from '../../load-model/types.ts';
import { resolveFlow } from '../engine/resolve-flow.ts';
import { type ShardSpec, shardVuId } from './shard-spec.ts';

/** the flowParams key carrying the original flow reference and the shard to `shardedFlow` */
export const SHARD_PARAM = '__scalebenchShard';

interface ShardParam {
  flow: FlowRef;
  shard: ShardSpec;
}

type Params = Readonly<Record<string, unknown>>;

/** The VU as the wrapped flow sees it: same VU, shard-wide id, its own params and shared state. */
function shardView(vu: VirtualUser<unknown>, id: number, params: Params, shared: unknown): VirtualUser {
  return {
    id,
    get iteration() {
      return vu.iteration;
    },
    params,
    get measuring() {
      return vu.measuring;
    },
    vars: vu.vars,
    cookies: vu.cookies,
    shared,
    request: (step, request, options) => vu.request(step, request, options),
    poll: (step, request, options) => vu.poll(step, request, options),
    ws: (name, options) => vu.ws(name, options),
    sse: (name, options, match, timeoutMs) => vu.sse(name, options, match, timeoutMs),
    grpc: (step, call, message, options) => vu.grpc(step, call, message, options),
    count: (name, amount) => vu.count(name, amount),
    trend: (name, ms) => vu.trend(name, ms),
    now: () => vu.now(),
    sleep: (ms) => vu.sleep(ms),
    data: (file, mode) => vu.data(file, mode),
  };
}

export function withShardVuIds<S>(flow: FlowDefinition<S>, shard: ShardSpec): FlowDefinition<S> {
  const view = (vu: VirtualUser<S>) =>
    shardView(vu as VirtualUser<unknown>, shardVuId(vu.id, shard), vu.params, vu.shared) as VirtualUser<S>;
  return {
    ...flow,
    ...(flow.init ? { init: (vu: VirtualUser<S>) => flow.init!(view(vu)) } : {}),
    iteration: (vu) => flow.iteration(view(vu)),
  };
}

interface Loaded {
  flow: FlowDefinition<unknown>;
  shared: unknown;
  params: Params;
  shard: ShardSpec;
}

async function load(params: Params): Promise<Loaded> {
  const { flow: ref, shard } = params[SHARD_PARAM] as ShardParam;
  const { [SHARD_PARAM]: _own, ...rest } = params;
  const flow = (await resolveFlow(ref))!;
  return { flow, shared: flow.shared?.(rest), params: rest, shard };
}

/** Reference target of a sharded FlowRef: { module: this file, exportName: 'shardedFlow' }. */
export const shardedFlow = defineFlow<{ loaded: Promise<Loaded> }>({
  name: 'sharded flow',
  shared: (params) => {
    const loaded = load(params);
    loaded.catch(() => {}); // surfaced by the first iteration
    return { loaded };
  },
  async init(vu) {
    const inner = await vu.shared.loaded;
    await inner.flow.init?.(shardView(vu, shardVuId(vu.id, inner.shard), inner.params, inner.shared));
  },
  async iteration(vu) {
    const inner = await vu.shared.loaded;
    await inner.flow.iteration(shardView(vu, shardVuId(vu.id, inner.shard), inner.params, inner.shared));
  },
});

/** The FlowRef and flowParams that run `ref` as shard `shard`. */
export function shardFlowRef(ref: FlowRef, params: Params, shard: ShardSpec) {
  return {
    flow: { module: import.meta.url, exportName: 'shardedFlow' },
    flowParams: { ...params, [SHARD_PARAM]: { flow: ref, shard } satisfies ShardParam },
  };
}
