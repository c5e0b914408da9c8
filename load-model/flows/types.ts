/**
 * Flows: what a virtual user (VU) does in one iteration, as ordinary async code over a small VU API.
 * A step is one request (method, path template, headers, body) with named checks and captures; poll
 * repeats a step until a condition holds. Custom counters and trends feed the results; `shared` is
 * flow-level state seen by every VU of the same thread.
 */
import type { ErrorClass } from '../../results/schema.ts';
import type { CookieJar } from './cookie-jar.ts';
import type { HeaderMap } from './header-map.ts';

export interface FlowRequest {
  /** default GET */
  method?: string;
  /** path and query; {{name}} is replaced by vu.vars.name (URL-encoded) */
  path: string;
  /** values may use {{name}} too */
  headers?: Record<string, string>;
  /** sent as JSON with content-type application/json */
  json?: unknown;
  /** sent as is (use headers for its content-type) */
  body?: string;
}

export interface FlowResponse {
  status: number;
  headers: HeaderMap;
  /** transport failure, status ≥ 400, or a failed check; undefined when all is well */
  errorClass: ErrorClass | undefined;
  /** no errorClass */
  ok: boolean;
  /** results of the named checks of this request */
  checks: Record<string, boolean>;
  /** completion − send, ms */
  serviceMs: number;
  header(name: string): string | undefined;
  text(): string;
  /** parsed body; undefined when it is not JSON */
  json<T = unknown>(): T | undefined;
}

export type Check = (response: FlowResponse) => boolean;
/** a function, or 'json:a.b.c' / 'header:name' */
export type Capture = ((response: FlowResponse) => unknown) | string;

export interface StepOptions {
  /** named checks; a failing one makes the request an error of class 'check' */
  checks?: Record<string, Check>;
  /** values stored into vu.vars under the given names (only from responses without transport error) */
  capture?: Record<string, Capture>;
}

export interface PollOptions extends StepOptions {
  /** stop polling once this holds */
  until: Check;
  intervalMs: number;
  maxAttempts: number;
}

export interface PollResult {
  /** `until` held before maxAttempts */
  ok: boolean;
  attempts: number;
  response: FlowResponse;
}

/** Where a flow's vu.grpc calls go: the service's address and its .proto file. */
export interface FlowGrpcTarget {
  /** grpc://host:port or grpcs://host:port, or made from the run's params */
  target: string | ((params: Readonly<Record<string, unknown>>) => string);
  /** the .proto file, relative to the working directory */
  proto: string;
  /** grpcs://: a PEM file of the CAs to trust, or any certificate (testing only) */
  ca?: string;
  insecure?: boolean;
  /** HTTP/2 connections this thread's VUs share (default 1) */
  connections?: number;
}

export interface GrpcCallOptions {
  metadata?: Record<string, string>;
  /** ms; default the run's timeout */
  deadline?: number;
  /** named checks; a failing one makes the call an error of class 'check' */
  checks?: Record<string, (response: GrpcResponse) => boolean>;
}

export interface GrpcResponse {
  /** the status's name: OK, UNAVAILABLE, DEADLINE_EXCEEDED, … */
  status: string;
  /** the status's message */
  details: string;
  /** a status other than OK, or a failed check; undefined when all is well */
  errorClass: ErrorClass | undefined;
  ok: boolean;
  /** the response (a unary call's, a stream's first), decoded as JSON-like data; undefined when none came */
  message: Record<string, unknown> | undefined;
  /** every message of a server stream (a unary call: its one response) */
  messages: Record<string, unknown>[];
  checks: Record<string, boolean>;
  /** a server stream: ms from the call's start to its first message */
  firstMessageMs?: number;
}

/**
 * How vu.data hands out rows: `sequential` (in file order, wrapping round; the default), `random`, or
 * `unique` (each row at most once in the whole run, across worker threads and shards; an iteration that
 * finds none left fails with a flow error).
 */
export type DataMode = 'sequential' | 'random' | 'unique';

/** One row of a data file: a CSV row by its header's column names, or one JSON Lines object. */
export type DataRow = Record<string, unknown>;

/** A message received on a WebSocket. */
export interface WsMessage {
  data: Buffer;
  /** a binary frame (false: text) */
  binary: boolean;
  text(): string;
  /** parsed text; undefined when it is not JSON */
  json<T = unknown>(): T | undefined;
}

export type WsMatch = (message: WsMessage) => boolean;

export interface WsOpenOptions {
  /** path and query on the run's origin ({{name}} from vu.vars), or a full ws:// / wss:// URL */
  path: string;
  /** handshake headers (values may use {{name}}); the VU's cookies go as Cookie */
  headers?: Record<string, string>;
  /** Sec-WebSocket-Protocol offers; a server that picks none of them fails the session (ws_subprotocol) */
  subprotocols?: string[];
}

export interface WsReplyResult {
  /** the matching message; undefined when it failed (errorClass says why) */
  message: WsMessage | undefined;
  errorClass: ErrorClass | undefined;
  ok: boolean;
  /** matching message − intended send, ms */
  replyMs: number;
}

/**
 * An open WebSocket in a flow (vu.ws). Counted as k6 counts them: ws_sessions, ws_connecting,
 * ws_session_duration, ws_msgs_sent, ws_msgs_received; each `request` is a request of its step whose
 * latency (ws_reply) runs from when the message was due to the matching message.
 */
export interface FlowSocket {
  /** the subprotocol the server picked ('' for none) */
  readonly protocol: string;
  /** the session ended (closed by either side, or failed); errorClass says how, when it failed */
  readonly closed: boolean;
  readonly errorClass: ErrorClass | undefined;
  send(data: string | Uint8Array): void;
  /** sends and waits for the first message that matches (default: any), as a request of `step` */
  request(step: string, data: string | Uint8Array, match?: WsMatch): Promise<WsReplyResult>;
  /** the next message that matches, or undefined after `timeoutMs` (default: the run's timeout) or a close */
  waitFor(match?: WsMatch, timeoutMs?: number): Promise<WsMessage | undefined>;
  /** keeps the socket open for `ms` (messages keep being counted); returns early if it closes */
  hold(ms: number): Promise<void>;
  /** closes with a code (default 1000) and waits for the server's close frame (or the timeout) */
  close(code?: number, reason?: string): Promise<void>;
}

/** An event of a text/event-stream. */
export interface FlowEvent {
  /** the event field ('message' when none) */
  type: string;
  data: string;
  /** the last event id seen on the stream */
  lastEventId: string;
}

export interface SseWaitResult {
  /** the first event that matched; undefined when the stream failed or ended first, or time ran out */
  event: FlowEvent | undefined;
  errorClass: ErrorClass | undefined;
}

export interface VirtualUser<Shared = unknown> {
  /** 0-based, unique within a thread */
  readonly id: number;
  /** iterations this VU started, including the current one (1-based) */
  readonly iteration: number;
  /** LoadRunOptions.flowParams */
  readonly params: Readonly<Record<string, unknown>>;
  /** per-VU variables, kept across iterations; captures land here */
  readonly vars: Record<string, unknown>;
  readonly cookies: CookieJar;
  /** flow-level state shared by all VUs of this thread (created once by flow.shared) */
  readonly shared: Shared;
  request(step: string, request: FlowRequest, options?: StepOptions): Promise<FlowResponse>;
  poll(step: string, request: FlowRequest, options: PollOptions): Promise<PollResult>;
  /**
   * whether this iteration is in the measured part (due after the warm-up): only then are its counts
   * and trends kept. A flow that counts a thing once (a session, when first judged) counts it again
   * in the measured part if it was first seen in the warm-up, so what the warm-up saw is not hidden.
   */
  readonly measuring: boolean;
  /**
   * Opens a WebSocket named `name` (its step and the tag of ws_connecting{name:…}); resolves once the
   * session is open or failed (then `closed` is true and errorClass says why: no crash, no throw).
   */
  ws(name: string, options: WsOpenOptions): Promise<FlowSocket>;
  /**
   * Opens an event stream (GET `path`, a request of step `name`), waits for the first event that
   * matches (default: any) within `timeoutMs` (default: the run's timeout), then closes it. Counted as
   * `bench --sse` counts streams: sse_streams, sse_events, sse_first_event, sse_event_latency.
   */
  sse(
    name: string,
    options: { path: string; headers?: Record<string, string> },
    match?: (event: FlowEvent) => boolean,
    timeoutMs?: number,
  ): Promise<SseWaitResult>;
  /**
   * One gRPC call (`pkg.Service/Method`, unary or server-streaming) to the flow's `grpc` target, counted
   * as the step `step` (grpc_req_duration{name:step}); the message is checked against the request type
   */
  grpc(step: string, call: string, message: unknown, options?: GrpcCallOptions): Promise<GrpcResponse>;
  /** adds to a custom counter (e.g. sessionsLost, staleReads) */
  count(name: string, amount?: number): void;
  /** records a value in ms into a custom trend (an HdrHistogram), e.g. jobLatencyMs */
  trend(name: string, ms: number): void;
  /** the engine clock, ms */
  now(): number;
  sleep(ms: number): Promise<void>;
  /**
   * The next row of a data file (CSV with a header row, or JSON Lines: `.jsonl`/`.ndjson`), path relative
   * to the working directory; read once per thread. A missing or empty file, a ragged CSV row or a line
   * that is not JSON stops the run with an input error.
   */
  data(file: string, mode?: DataMode): DataRow;
}

export interface FlowDefinition<Shared = unknown> {
  name: string;
  /** creates the flow-level shared state, once per run (per worker thread) */
  shared?: (params: Readonly<Record<string, unknown>>) => Shared;
  /** runs once per VU before its first iteration (inside that iteration's time) */
  init?: (vu: VirtualUser<Shared>) => Promise<void> | void;
  iteration: (vu: VirtualUser<Shared>) => Promise<void>;
  /** where vu.grpc calls go */
  grpc?: FlowGrpcTarget;
}
