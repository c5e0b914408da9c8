/**
 * Load models as pure data, shaped like k6 executors so k6 users feel at home. Durations are strings
 * with a unit ('30s', '500ms', '2m') or numbers of milliseconds. Open models (arrival rate) start
 * iterations on a schedule whatever the target does; closed models (VUs) start the next iteration when
 * the previous one ends.
 */

import type { DurationInput } from './duration.ts';
import type { ExecutorConfig } from './executors/registry.ts';
import type { FlowDefinition } from './flows/types.ts';

export type { DurationInput } from './duration.ts';
export type { ConstantArrivalRate } from './executors/constant-arrival-rate.ts';
export type { ConstantVus } from './executors/constant-vus.ts';
export type { RampingArrivalRate, RateStage } from './executors/ramping-arrival-rate.ts';
export type { RampingVus, VuStage } from './executors/ramping-vus.ts';
export type { ExecutorConfig, ExecutorName } from './executors/registry.ts';

/** One HTTP request repeated as fast as the model asks: the `scalebench bench <url>` fast path. */
export interface SingleRequestSpec {
  method?: string;
  /** path and query, e.g. '/products/1'; defaults to the path of baseUrl */
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One target of a multi-target `bench --targets FILE`: a request, its step name and its weight. */
export interface TargetSpec extends SingleRequestSpec {
  /** the step this target's requests are counted under; default `METHOD /path` with ids grouped */
  name?: string;
  /** relative share of the requests (default 1) */
  weight?: number;
}

/**
 * `scalebench bench ws://…`: each virtual user holds one WebSocket and sends `message` at
 * `ratePerSocket`, each reply awaited as a request (step `ws`) timed from when the message was due.
 */
export interface WebSocketBenchSpec {
  /** the text frame sent */
  message: string;
  /** a regular expression a reply's text must match; absent: the reply must equal the message (echo) */
  expect?: string;
  /** messages per second on each socket; 0 holds the sockets idle */
  ratePerSocket: number;
  /** open model (socket arrivals per second): how long each socket is held, ms */
  holdMs: number;
  subprotocols?: string[];
  headers?: Record<string, string>;
  /** larger messages fail the session (ws_message_too_big); default 4 MiB */
  maxMessageBytes?: number;
}

/**
 * `scalebench bench --sse URL`: each virtual user holds one event stream, reconnecting with
 * Last-Event-ID when the server ends it.
 */
export interface SseBenchSpec {
  headers?: Record<string, string>;
  /** open model: how long each stream is held, ms */
  holdMs: number;
  /** a line longer than this fails the stream (sse_unterminated); default 1 MiB */
  maxLineBytes?: number;
}

/** How the next target is chosen: in turn (weights as turns per cycle) or drawn at random by weight. */
export type TargetPick = 'round-robin' | 'weighted';

/** A flow loaded by module path in every worker thread: `export const <exportName> = defineFlow(...)`. */
export interface FlowRef {
  module: string;
  exportName: string;
}

export interface SaturationThresholds {
  /** schedule lag p99 above this marks the run invalid (default 10 ms) */
  maxScheduleLagP99Ms?: number;
  /** event-loop delay p99 above this marks the run invalid (default 50 ms) */
  maxEventLoopDelayP99Ms?: number;
}

export type HttpClientKind = 'raw' | 'undici';

/** Certificate checks for an https:// baseUrl (default: verify against Node's CAs, SNI from the URL). */
export interface TlsOptions {
  /** accept any certificate: self-signed, expired, issued for another name */
  insecure?: boolean;
  /** a PEM file of the certificate authorities to trust instead of Node's bundled ones */
  caFile?: string;
}

/** `bench grpc://host:port`: one gRPC method called with the same request (unary or server-streaming). */
export interface GrpcCallSpec {
  /** the .proto file (absolute path); absent: the server's reflection service describes the method */
  protoFile?: string;
  /**
   * what reflection returned, as protobufjs JSON (set before load when there is no protoFile, so that
   * worker threads need not ask again); not written to results files
   */
  reflected?: Record<string, unknown>;
  /** pkg.Service/Method */
  call: string;
  /** the request message as JSON text */
  data: string;
  /** metadata sent with every call */
  metadata?: Record<string, string>;
  /** HTTP/2 connections the calls share (default 1) */
  connections?: number;
  /** the method streams its responses (set when the proto is read) */
  serverStreaming?: boolean;
}

export interface LoadRunOptions {
  /** origin (and default path) of the target, e.g. http://127.0.0.1:8080/ */
  baseUrl: string;
  executor: ExecutorConfig;
  /** run before the measured part at the model's initial rate; kept in the series, left out of the summary */
  warmup?: DurationInput;
  /** a flow object (single thread only) or a module reference (any number of workers) */
  // biome-ignore lint/suspicious/noExplicitAny: a flow's shared state type is its own business
  flow?: FlowDefinition<any> | FlowRef;
  /** plain-data parameters handed to the flow as vu.params (e.g. { items: 3, writeRatio: 0.1 }) */
  flowParams?: Record<string, unknown>;
  /** used when no flow is given */
  request?: SingleRequestSpec;
  /** several requests on baseUrl's origin, used when no flow is given (instead of request) */
  targets?: TargetSpec[];
  /** a WebSocket load (baseUrl is ws:// or wss://) instead of HTTP requests */
  websocket?: WebSocketBenchSpec;
  /** a Server-Sent Events load on baseUrl instead of HTTP requests */
  sse?: SseBenchSpec;
  /** how targets are chosen; default 'round-robin' */
  targetPick?: TargetPick;
  /** per request; default '10s' */
  timeout?: DurationInput;
  /** worker threads splitting the rate (default 1 = run in this thread) */
  workers?: number;
  /** response header naming the backend instance; default 'x-served-by' */
  servedByHeader?: string;
  saturation?: SaturationThresholds;
  /** which HTTP client to use; default 'raw' */
  client?: HttpClientKind;
  /** https:// baseUrl: certificate checks */
  tls?: TlsOptions;
  /** speak HTTP/2: h2 by ALPN over TLS, h2c with prior knowledge over cleartext (node:http2 client) */
  http2?: boolean;
  /** HTTP/2: the most streams in flight on one connection (default 10) */
  maxStreams?: number;
  /** the most body bytes kept per response for a flow's checks and captures (default 4 MiB); `bench` keeps none */
  maxBody?: number;
  /**
   * which rows of vu.data(file, 'unique') this process owns: slice index of count (set by sharding;
   * worker threads split it further). Default: all of them.
   */
  dataSlice?: { index: number; count: number };
  /** call this gRPC method instead of sending HTTP requests (baseUrl is grpc:// or grpcs://) */
  grpc?: GrpcCallSpec;
  /** time allowed for in-flight iterations after the end (default: the request timeout + 1 s) */
  gracefulStop?: DurationInput;
}
