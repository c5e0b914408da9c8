/**
 * A gRPC call given without --proto, completed from the server's reflection service once the server is
 * reachable: the method resolved and --data checked as a .proto file would have them (exit 2 with one
 * line), the descriptors kept in the spec for the worker threads.
 */
import { ScalebenchError } from '../../core/errors.ts';
import type { GrpcCallSpec, LoadRunOptions } from '../../load-model/types.ts';
import type { TlsSettings } from '../http/types.ts';
import { prepareCall } from './grpc-user-factory.ts';

/** `pkg.Service` of `pkg.Service/Method` (what reflection is asked for) */
export function serviceOf(call: string): string {
  const slash = call.lastIndexOf('/');
  if (slash <= 0 || slash === call.length - 1) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `--call '${call}' is not pkg.Service/Method`, {
      hint: 'e.g. --call helloworld.Greeter/SayHello',
    });
  }
  return call.slice(0, slash).replace(/^\//, '');
}

/** a spec without --proto, completed from the server's reflection; a spec with one as it is */
export async function reflectCall(target: URL, spec: GrpcCallSpec, tls: TlsSettings, timeoutMs: number) {
  if (spec.protoFile !== undefined || spec.reflected !== undefined) return spec;
  const { reflectProtoRoot } = await import('./grpc-reflection.ts');
  const root = await reflectProtoRoot(target, tls, serviceOf(spec.call));
  const reflected: GrpcCallSpec = { ...spec, reflected: root.toJSON() as Record<string, unknown> };
  const prepared = prepareCall(reflected, timeoutMs);
  return prepared.responseStream ? { ...reflected, serverStreaming: true } : reflected;
}

/** gRPC without --proto: the method as the server's reflection describes it (call once it is reachable) */
export async function withReflectedCall(load: LoadRunOptions, timeoutMs: number): Promise<LoadRunOptions> {
  const grpc = load.grpc;
  if (grpc === undefined || grpc.protoFile !== undefined || grpc.reflected !== undefined) return load;
  const { loadTlsSettings } = await import('../http/tls-settings.ts');
  const tls = await loadTlsSettings(load.tls);
  return { ...load, grpc: await reflectCall(new URL(load.baseUrl), grpc, tls, timeoutMs) };
}
