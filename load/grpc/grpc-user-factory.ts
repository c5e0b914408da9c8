/**
 * A thread's gRPC side of `bench grpc://…`: its connections (its share of --connections) and the VUs
 * that call the method. The proto is parsed again in each thread (workers get plain options), the request
 * encoded once per thread.
 */
import protobuf from 'protobufjs';
import { ScalebenchError } from '../../core/errors.ts';
import type { GrpcCallSpec } from '../../load-model/types.ts';
import type { MetricsAccumulator } from '../engine/metrics.ts';
import type { VuFactory } from '../engine/vu-pool.ts';
import type { TlsSettings } from '../http/types.ts';
import { GrpcCallUser, type PreparedCall } from './grpc-call-user.ts';
import { GrpcChannels, metadataOf } from './grpc-channels.ts';
import { encodeRequest, loadProtoRoot, resolveMethod } from './grpc-method.ts';

export interface GrpcTransport {
  channels: GrpcChannels;
  factory(metrics: MetricsAccumulator): VuFactory;
}

/** the proto the call is resolved in: the --proto file, or what the server's reflection described */
function protoRootOf(spec: GrpcCallSpec): protobuf.Root {
  if (spec.protoFile !== undefined) return loadProtoRoot(spec.protoFile);
  if (spec.reflected !== undefined) return protobuf.Root.fromJSON(spec.reflected);
  throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `no proto for ${spec.call}`, {
    hint: 'pass --proto FILE, or call a server that offers reflection',
  });
}

export function prepareCall(spec: GrpcCallSpec, timeoutMs: number): PreparedCall {
  const method = resolveMethod(protoRootOf(spec), spec.call);
  return {
    path: method.path,
    name: spec.call.slice(spec.call.lastIndexOf('/') + 1),
    request: encodeRequest(method, spec.data),
    metadata: metadataOf(spec.metadata),
    deadlineMs: timeoutMs,
    responseStream: method.responseStream,
  };
}

export function openGrpcTransport(
  target: string,
  spec: GrpcCallSpec,
  options: { timeoutMs: number; tls: TlsSettings; threads: number },
): GrpcTransport {
  const call = prepareCall(spec, options.timeoutMs);
  const channels = new GrpcChannels({
    target,
    tls: options.tls,
    connections: Math.max(1, Math.ceil((spec.connections ?? 1) / options.threads)),
  });
  return {
    channels,
    factory: (metrics) => () => new GrpcCallUser(channels, call, metrics),
  };
}
