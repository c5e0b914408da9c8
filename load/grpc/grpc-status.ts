/**
 * A finished gRPC call → its error class in the results: the status code's name as k6 and grpcurl name it
 * (UNAVAILABLE, DEADLINE_EXCEEDED, …), except where the code hides what happened on the wire: a stream
 * the server reset is `reset`, an answer that was not gRPC (an HTTP status, no grpc-status) is `not_grpc`.
 * OK is no error.
 */
import { status as GrpcStatus } from '@grpc/grpc-js';
import { type ErrorClass, GRPC_STATUS_NAMES } from '../../results/schema.ts';

export type GrpcStatusName = (typeof GRPC_STATUS_NAMES)[number];

/** 0 → 'OK', 14 → 'UNAVAILABLE', an unknown number → 'UNKNOWN' */
export function statusName(code: number): 'OK' | GrpcStatusName {
  const name = GrpcStatus[code];
  if (name === 'OK') return 'OK';
  return (GRPC_STATUS_NAMES as readonly string[]).includes(name ?? '') ? (name as GrpcStatusName) : 'UNKNOWN';
}

export function classifyGrpc(code: number, details: string): ErrorClass | undefined {
  if (code === GrpcStatus.OK) return undefined;
  if (/RST_STREAM|stream reset|ECONNRESET|Connection dropped/i.test(details)) return 'reset';
  if (/Received HTTP status code|Received HTTP\/1|unexpected content-type|content-type/i.test(details)) {
    return 'not_grpc';
  }
  return statusName(code) as ErrorClass;
}
