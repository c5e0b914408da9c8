/**
 * The HTTP/2 client (node:http2): h2 negotiated by ALPN over TLS for https:// origins, h2c with prior
 * knowledge for http:// ones. Requests are streams multiplexed over at most ⌈connections / maxStreams⌉
 * sessions, each carrying at most maxStreams at once (fewer when the server's SETTINGS say so); a
 * request that finds every session full waits for a stream to end. A server that does not speak
 * HTTP/2 fails the session at once (ALPN refused or missing, or no SETTINGS before the timeout), never
 * hangs it. Sockets come from our own connect (tls-session.ts): the same SNI, CA, session reuse and
 * request-phase times as the raw client.
 */
import type { ClientHttp2Stream } from 'node:http2';
import { connect as connectTcp } from 'node:net';
import { performance } from 'node:perf_hooks';
import { connect as connectTls, type TLSSocket } from 'node:tls';
import { allReady, failedResult } from './client-common.ts';
import { H2Connection } from './h2-connection.ts';
import { H2Exchange } from './h2-exchange.ts';
import { DEFAULT_MAX_BODY } from './response-parser.ts';
import { TlsSessionCache } from './tls-session.ts';
import {
  DEFAULT_MAX_STREAMS,
  EMPTY_BODY,
  type HttpClient,
  type HttpClientOptions,
  type HttpRequest,
  type HttpResult,
  type PreparedRequest,
  type ResultCallback,
} from './types.ts';

interface H2Prepared extends PreparedRequest {
  readonly headers: Record<string, string>;
  readonly body: Buffer | undefined;
}

interface Pending {
  prepared: H2Prepared;
  done: ResultCallback;
}

export class Http2Client implements HttpClient {
  readonly kind = 'h2' as const;
  readonly protocol: 'h2' | 'h2c';
  readonly tls: TlsSessionCache | undefined;
  private readonly hostname: string;
  private readonly port: number;
  private readonly maxStreams: number;
  private readonly maxConnections: number;
  private readonly connections: H2Connection[] = [];
  private readonly waiting: Pending[] = [];
  private readonly inFlight = new Set<H2Exchange>();
  /** one timer enforces every request's deadline (as in the raw client), not a timer per stream */
  private readonly sweep: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly options: HttpClientOptions) {
    const url = new URL(options.origin);
    const secure = url.protocol === 'https:';
    this.protocol = secure ? 'h2' : 'h2c';
    this.hostname = url.hostname.replace(/^\[|\]$/g, '');
    this.port = Number(url.port || (secure ? 443 : 80));
    this.tls = secure ? new TlsSessionCache(this.hostname, options.tls, ['h2']) : undefined;
    this.maxStreams = options.maxStreams ?? DEFAULT_MAX_STREAMS;
    this.maxConnections = Math.max(1, Math.ceil(options.connections / this.maxStreams));
    this.sweep = setInterval(() => this.expire(), Math.max(5, Math.min(100, options.timeoutMs / 20)));
    this.sweep.unref();
    const warm = Math.min(Math.ceil((options.preconnect ?? 0) / this.maxStreams), this.maxConnections);
    for (let i = 0; i < warm; i += 1) this.open();
  }

  prepare(request: HttpRequest, keepBody: boolean): PreparedRequest {
    const method = request.method.toUpperCase();
    const headers: Record<string, string> = { ':method': method, ':path': request.path };
    // HTTP/2 forbids connection-specific headers; names are lower-case on the wire
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      const lower = name.toLowerCase();
      if (lower === 'host') headers[':authority'] = value;
      else if (!CONNECTION_HEADERS.has(lower)) headers[lower] = value;
    }
    const body = request.body === undefined ? undefined : Buffer.from(request.body);
    const prepared: H2Prepared = { method, bytes: EMPTY_BODY, keepBody, headers, body };
    return prepared;
  }

  send(request: PreparedRequest): Promise<HttpResult> {
    return new Promise((resolve) => this.sendWith(request, resolve));
  }

  sendWith(request: PreparedRequest, done: ResultCallback): void {
    const prepared = request as H2Prepared;
    const connection = this.acquire();
    if (connection) this.exchange(connection, prepared, done);
    else this.waiting.push({ prepared, done });
  }

  ready(limitMs: number): Promise<void> {
    const pending = this.connections.filter((connection) => !connection.dead && !connection.settled);
    return allReady(pending, (connection, callback) => connection.whenSettled(callback), limitMs);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweep);
    for (const connection of this.connections) connection.session.destroy();
    this.connections.length = 0;
  }

  private acquire(): H2Connection | null {
    for (const connection of this.connections) if (connection.free > 0) return connection;
    if (this.connections.length < this.maxConnections && !this.closed) return this.open();
    return null;
  }

  private open(): H2Connection {
    const socket = this.tls
      ? connectTls(this.tls.connectOptions(this.hostname, this.port))
      : connectTcp({ host: this.hostname, port: this.port, noDelay: true });
    socket.setNoDelay(true);
    if (this.tls) this.tls.track(socket as TLSSocket);
    const origin = `${this.tls ? 'https' : 'http'}://${this.options.origin.replace(/^\w+:\/\//, '')}`;
    const connection = new H2Connection(origin, socket, this.tls !== undefined, this.maxStreams, (gone) =>
      this.forget(gone),
    );
    this.connections.push(connection);
    return connection;
  }

  private forget(connection: H2Connection): void {
    const index = this.connections.indexOf(connection);
    if (index >= 0) this.connections.splice(index, 1);
    // requests waiting for a stream get a new connection in its place
    this.next();
  }

  private next(): void {
    while (this.waiting.length > 0 && !this.closed) {
      const connection = this.acquire();
      if (!connection) return;
      const pending = this.waiting.shift()!;
      this.exchange(connection, pending.prepared, pending.done);
    }
  }

  private exchange(connection: H2Connection, prepared: H2Prepared, done: ResultCallback): void {
    const sentAt = performance.now();
    connection.active += 1;
    let stream: ClientHttp2Stream;
    try {
      stream = connection.session.request(prepared.headers, { endStream: prepared.body === undefined });
    } catch (error: unknown) {
      connection.active -= 1;
      setImmediate(done, failedResult(error, sentAt));
      return;
    }
    const exchange = new H2Exchange(
      connection,
      stream,
      sentAt,
      this.options.timeoutMs,
      prepared.keepBody,
      this.options.maxBody ?? DEFAULT_MAX_BODY,
      this.options.servedByHeader,
      done,
      this.finished,
    );
    this.inFlight.add(exchange);
    if (prepared.body !== undefined) stream.end(prepared.body);
  }

  /** The end of every exchange (one function: no closure per request). */
  private readonly finished = (exchange: H2Exchange): void => {
    this.inFlight.delete(exchange);
    exchange.done(exchange);
    this.next();
  };

  private expire(): void {
    const now = performance.now();
    for (const exchange of this.inFlight) if (exchange.deadline <= now) exchange.timeout();
  }
}

const CONNECTION_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
]);
