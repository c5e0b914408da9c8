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
  /**
   * Request phases in ms, as k6 names them (http_req_connecting, _tls_handshaking, _waiting,
   * _receiving): the time this request waited for a TCP connect and a TLS handshake (0 on a reused
   * connection), from sent (or connected) to the first response byte, and from there to the end.
   * Set on responses by clients that measure them; absent on transport failures.
   */
  connecting?: number;
  tlsHandshaking?: number;
  waiting?: number;
  receiving?: number;
}

export type ResultCallback = (result: HttpResult) => void;

/** How a client speaks TLS to an https:// origin. */
export interface TlsSettings {
  /** accept any certificate: self-signed, expired, issued for another name (--insecure) */
  insecure?: boolean;
  /** PEM text of the certificate authorities to trust instead of Node's bundled ones (--ca FILE) */
  ca?: string;
}

/** The wire protocol a client spoke: HTTP/1.1 (over TCP or TLS), h2 (TLS, ALPN) or h2c (cleartext). */
export type WireProtocol = 'http/1.1' | 'h2' | 'h2c';

export interface HttpClientOptions {
  /** http://host:port or https://host:port */
  origin: string;
  /** most sockets open at once (for HTTP/2: most requests in flight, over ⌈connections / maxStreams⌉ sessions) */
  connections: number;
  /** https:// origins: certificate checks (default: verify against Node's CAs, SNI from the URL) */
  tls?: TlsSettings;
  /** HTTP/2: the most streams in flight on one connection (default 10) */
  maxStreams?: number;
  timeoutMs: number;
  /** a header whose value each result reports as `servedBy` (lower-case name) */
  servedByHeader?: string;
  /** the most body bytes kept for a response prepared with keepBody (default 4 MiB); more fails it */
  maxBody?: number;
  /** sockets to open at once, before the first request (raw client; warm sockets for arrivals) */
  preconnect?: number;
}

export interface HttpClient {
  readonly kind: 'raw' | 'undici' | 'h2';
  /** what this client speaks on the wire */
  readonly protocol: WireProtocol;
  prepare(request: HttpRequest, keepBody: boolean): PreparedRequest;
  send(request: PreparedRequest): Promise<HttpResult>;
  /** The callback form of send, without a promise per request (raw client only). */
  sendWith?(request: PreparedRequest, done: ResultCallback): void;
  /**
   * Resolves once the sockets opened ahead (preconnect) can carry a request — TCP connected, TLS
   * handshake done, HTTP/2 settings received — or failed, or after `limitMs`.
   */
  ready?(limitMs: number): Promise<void>;
  close(): Promise<void>;
}

export const EMPTY_BODY = Buffer.alloc(0);

/** HTTP/2: streams in flight on one connection when --max-streams is not given */
export const DEFAULT_MAX_STREAMS = 10;
