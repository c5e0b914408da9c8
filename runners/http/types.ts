/**
 * The HTTP client interface the engine sends through. Two implementations sit behind it: a raw `net`
 * keep-alive client (raw-client.ts, the default, faster) and undici's Pool (undici-client.ts).
 */
import type { ErrorClass } from '../../results/schema.ts';

export type HeaderMap = Record<string, string | string[]>;

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
  errorClass?: ErrorClass;
  errorMessage?: string;
}

export interface HttpClientOptions {
  /** http://host:port */
  origin: string;
  /** most sockets open at once */
  connections: number;
  timeoutMs: number;
}

export interface HttpClient {
  readonly kind: 'raw' | 'undici';
  prepare(request: HttpRequest, keepBody: boolean): PreparedRequest;
  send(request: PreparedRequest): Promise<HttpResult>;
  close(): Promise<void>;
}

export const EMPTY_BODY = Buffer.alloc(0);
