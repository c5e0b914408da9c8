/**
 * The HTTP client interface the engine sends through. Two implementations sit behind it: a raw `net`
 * keep-alive client (raw-client.ts, the default, faster) and undici's Pool (undici-client.ts).
 */
import type { HeaderMap } from '../../load-model/flows/header-map.ts';
import type { ErrorClass } from '../../results/schema.ts';

export interface HttpRequest {
  method: string;
  /** path and query */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A request serialized once and sent many times (the `bench <url>` fast path). */
export interface PreparedRequest {
  readonly method: string;
  readonly bytes: Buffer;
  /** false: the body is parsed but not kept */
  readonly keepBody: boolean;
}

/** One exchange. `status` is 0 when the transport failed; then `errorClass` says how. */
export interface HttpResult {
  status: number;
  /** lower-cased names; repeated headers (set-cookie) become arrays */
  headers: HeaderMap;
  body: Buffer;
  /** performance.now() when the request went to a socket, and when the response (or error) was complete */
  sentAt: number;
  doneAt: number;
  /** the value of HttpClientOptions.servedByHeader, when the response had it */
  servedBy?: string;
  errorClass?: ErrorClass;
  errorMessage?: string;
}

export type ResultCallback = (result: HttpResult) => void;

export interface HttpClientOptions {
  /** http://host:port */
  origin: string;
  /** most sockets open at once */
  connections: number;
  timeoutMs: number;
  /** a header whose value each result reports as `servedBy` (lower-case name) */
  servedByHeader?: string;
  /** the most body bytes kept for a response prepared with keepBody (default 4 MiB); more fails it */
  maxBody?: number;
  /** sockets to open at once, before the first request (raw client; warm sockets for arrivals) */
  preconnect?: number;
}

export interface HttpClient {
  readonly kind: 'raw' | 'undici';
  prepare(request: HttpRequest, keepBody: boolean): PreparedRequest;
  send(request: PreparedRequest): Promise<HttpResult>;
  /** The callback form of send, without a promise per request (raw client only). */
  sendWith?(request: PreparedRequest, done: ResultCallback): void;
  close(): Promise<void>;
}

export const EMPTY_BODY = Buffer.alloc(0);
