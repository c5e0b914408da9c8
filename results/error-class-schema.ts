/**
 * The error classes a results file counts errors by (summary.errorsByClass, the series' errorsByClass):
 * the transport's, HTTP's, WebSocket's, Server-Sent Events' and gRPC's status names.
 */
import { z } from 'zod';

/** gRPC status codes by name (as k6 and grpcurl name them), OK aside: each an error class of its own */
export const GRPC_STATUS_NAMES = [
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
] as const;

/**
 * error classes: refused, reset, timeout, parse (malformed response), tls (handshake or certificate
 * check failed), status_4xx, status_5xx, check, other; for gRPC calls the status code's name
 * (UNAVAILABLE, DEADLINE_EXCEEDED, …) and not_grpc (the server answered, but not in gRPC). WebSocket (load/ws/ws-errors.ts): ws_no_upgrade
 * (answered without 101), ws_subprotocol (asked-for subprotocol refused), ws_handshake_timeout,
 * ws_abnormal_close (connection lost without a close frame, 1006), ws_protocol_error (invalid frame),
 * ws_message_too_big (over the message cap), ws_close_error (closed by the server with an error code),
 * ws_reply_timeout (no matching message in time). Server-Sent Events: sse_not_stream (no 200
 * text/event-stream), sse_unterminated (a line over the cap, or cut off by the end of the stream).
 */
export const errorClassSchema = z.enum([
  'refused',
  'reset',
  'timeout',
  'parse',
  'tls',
  'status_4xx',
  'status_5xx',
  'check',
  'other',
  'ws_no_upgrade',
  'ws_subprotocol',
  'ws_handshake_timeout',
  'ws_abnormal_close',
  'ws_protocol_error',
  'ws_message_too_big',
  'ws_close_error',
  'ws_reply_timeout',
  'sse_not_stream',
  'sse_unterminated',
  'not_grpc',
  ...GRPC_STATUS_NAMES,
]);
export type ErrorClass = z.infer<typeof errorClassSchema>;
