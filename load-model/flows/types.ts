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

/**
 * How vu.data hands out rows: `sequential` (in file order, wrapping round; the default), `random`, or
 * `unique` (each row at most once in the whole run, across worker threads and shards; an iteration that
 * finds none left fails with a flow error).
 */
export type DataMode = 'sequential' | 'random' | 'unique';

/** One row of a data file: a CSV row by its header's column names, or one JSON Lines object. */
export type DataRow = Record<string, unknown>;

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
}
