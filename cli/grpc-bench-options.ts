/**
 * `bench grpc://host:port` (or grpcs://): its flags checked and the call resolved before any load —
 * --proto parsed, --call looked up, --data checked against the request message, --metadata key=value —
 * so each mistake is exit 2 with one line (load/grpc/grpc-method.ts says which).
 */
import { resolve } from 'node:path';
import { ScalebenchError } from '../core/errors.ts';
import { prepareCall } from '../load/grpc/grpc-user-factory.ts';
import { serviceOf } from '../load/grpc/reflected-call.ts';
import type { GrpcCallSpec } from '../load-model/types.ts';

export interface GrpcFlags {
  proto?: string;
  call?: string;
  data?: string;
  metadata?: string[];
}

export function isGrpcUrl(text: string | undefined): boolean {
  return text !== undefined && /^grpcs?:\/\//i.test(text);
}

function invalid(message: string, hint: string): ScalebenchError {
  return new ScalebenchError('SB_ERR_INVALID_ARGUMENT', message, { hint });
}

export function parseGrpcTarget(text: string): URL {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (!url?.port || (url.pathname !== '' && url.pathname !== '/')) {
    throw invalid(`'${text}' is not grpc://host:port`, 'e.g. grpc://127.0.0.1:50051 (or grpcs:// over TLS)');
  }
  return url;
}

function parseMetadata(pairs: string[]): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    const key = pair.slice(0, equals).trim().toLowerCase();
    if (equals <= 0 || !/^[0-9a-z_.-]+$/.test(key)) {
      throw invalid(`--metadata '${pair}' is not key=value`, "e.g. --metadata 'authorization=Bearer abc'");
    }
    metadata[key] = pair.slice(equals + 1);
  }
  return metadata;
}

/** flags that only HTTP has: each is refused with a gRPC URL */
const HTTP_ONLY: [keyof HttpOnlyFlags, string][] = [
  ['http2', '--http2'],
  ['client', '--client'],
  ['body', '--body'],
  ['header', '--header'],
  ['targets', '--targets'],
];

interface HttpOnlyFlags {
  http2?: boolean;
  client?: string;
  body?: string;
  header?: string[];
  targets?: string;
}

export function parseGrpcCall(
  flags: GrpcFlags & HttpOnlyFlags & { method?: string },
  cwd: string,
  timeoutMs: number,
  connections: number,
): GrpcCallSpec {
  const given = HTTP_ONLY.find(([key]) => flags[key] !== undefined);
  if (given)
    throw invalid(
      `${given[1]} does not apply to a gRPC URL`,
      'gRPC takes --proto, --call, --data and --metadata',
    );
  if (flags.method !== undefined && flags.method.toUpperCase() !== 'GET') {
    throw invalid('--method does not apply to a gRPC URL', 'name the RPC with --call pkg.Service/Method');
  }
  if (flags.call === undefined) {
    throw invalid(
      'a gRPC URL needs --call pkg.Service/Method',
      'e.g. --proto api.proto --call helloworld.Greeter/SayHello --data \'{"name":"x"}\'',
    );
  }
  const spec: GrpcCallSpec = {
    ...(flags.proto === undefined ? {} : { protoFile: resolve(cwd, flags.proto) }),
    call: flags.call,
    data: flags.data ?? '{}',
    metadata: parseMetadata(flags.metadata ?? []),
    connections,
  };
  // without --proto the server's reflection describes the method: resolved once reachable
  // (load/grpc/reflected-call.ts)
  if (spec.protoFile === undefined) {
    serviceOf(spec.call);
    return spec;
  }
  // parsed, resolved and encoded once here: a mistake is exit 2 before load
  const prepared = prepareCall(spec, timeoutMs);
  return prepared.responseStream ? { ...spec, serverStreaming: true } : spec;
}
