/**
 * The HTTP/2 client (node:http2): h2 negotiated by ALPN over TLS for https:// origins, h2c with prior
 * knowledge for http:// ones. Requests are streams multiplexed over at most ⌈connections / maxStreams⌉
 * sessions, each carrying at most maxStreams at once (fewer when the server's SETTINGS say so); a
 * request that finds every session full waits for a stream to end. A server that does not speak
 * HTTP/2 fails the session at once (ALPN refused or missing, or no SETTINGS before the timeout), never
 * hangs it. Sockets come from our own connect (tls-session.ts): the same SNI, CA, session reuse and
 * request-phase times as the raw client.
 */
import { type ClientHttp2Session, type ClientHttp2Stream, connect as connectH2, constants } from 'node:http2';
import { connect as connectTcp, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { connect as connectTls, type TLSSocket } from 'node:tls';
import type { HeaderMap } from '../../load-model/flows/header-map.ts';
import { classifyError, codedError } from './classify-error.ts';
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

/** One connection: its session, streams in flight and when it connected (for the request phases). */
class H2Connection {
  active = 0;
  dead = false;
  readonly openedAt = performance.now();
  connectedAt = 0;
  readyAt = 0;
  gotSettings = false;
  /** why the session failed (a TLS check, a refused connect): the cause its streams die of */
  error: unknown = null;
  readonly session: ClientHttp2Session;

  constructor(origin: string, socket: Socket, secure: boolean, onGone: (connection: H2Connection) => void) {
    // a failed handshake or certificate check shows on the socket first: it is why the streams die
    socket.once('error', (error) => {
      this.error ??= error;
    });
    socket.once('connect', () => {
      this.connectedAt = performance.now();
      if (!secure) this.readyAt = this.connectedAt;
    });
    if (secure) {
      const tls = socket as TLSSocket;
      tls.once('secureConnect', () => {
        this.readyAt = performance.now();
        if (tls.alpnProtocol !== 'h2') {
          const chose = tls.alpnProtocol ? `ALPN chose ${tls.alpnProtocol}` : 'no ALPN protocol agreed';
          this.session.destroy(codedError('SB_NO_H2', `the server does not offer HTTP/2 (${chose})`));
        }
      });
    }
    this.session = connectH2(origin, { createConnection: () => socket });
    this.session.once('remoteSettings', () => {
      this.gotSettings = true;
    });
    const gone = () => {
      if (this.dead) return;
      this.dead = true;
      onGone(this);
    };
    this.session.on('error', (error) => {
      this.error ??= error;
      gone();
    });
    this.session.on('goaway', gone);
    this.session.on('close', gone);
  }

  /** the server's SETTINGS came (the session can carry streams) */
  get settled(): boolean {
    return this.gotSettings;
  }

  /** Calls `callback` once, when the server's SETTINGS came or the session is gone. */
  whenSettled(callback: () => void): void {
    let called = false;
    const once = () => {
      if (called) return;
      called = true;
      callback();
    };
    this.session.once('remoteSettings', once);
    this.session.once('close', once);
  }

  /** Streams this connection may still open: ours and the server's limit, whichever is lower. */
  get free(): number {
    const remote = this.gotSettings
      ? (this.session.remoteSettings.maxConcurrentStreams ?? Number.POSITIVE_INFINITY)
      : Number.POSITIVE_INFINITY;
    return this.dead ? 0 : Math.min(this.limit, remote) - this.active;
  }

  limit = DEFAULT_MAX_STREAMS;
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
    if (pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      let left = pending.length;
      const timer = setTimeout(resolve, limitMs);
      const one = () => {
        left -= 1;
        if (left > 0) return;
        clearTimeout(timer);
        resolve();
      };
      for (const connection of pending) connection.whenSettled(one);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
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
    const connection = new H2Connection(origin, socket, this.tls !== undefined, (gone) => this.forget(gone));
    connection.limit = this.maxStreams;
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
    const maxBody = this.options.maxBody ?? DEFAULT_MAX_BODY;
    connection.active += 1;
    let stream: ClientHttp2Stream;
    try {
      stream = connection.session.request(prepared.headers, { endStream: prepared.body === undefined });
    } catch (error: unknown) {
      connection.active -= 1;
      setImmediate(done, failure(error, sentAt));
      return;
    }
    let status = 0;
    let headers: HeaderMap = {};
    let firstByteAt = 0;
    let failed: unknown = null;
    const parts: Buffer[] = [];
    let kept = 0;
    stream.setTimeout(this.options.timeoutMs, () => {
      failed ??= codedError('SB_TIMEOUT', 'request timed out');
      stream.close(constants.NGHTTP2_CANCEL);
    });
    stream.on('response', (head) => {
      firstByteAt = performance.now();
      status = Number(head[':status']);
      headers = toHeaderMap(head);
    });
    stream.on('data', (chunk: Buffer) => {
      if (!prepared.keepBody || failed) return;
      kept += chunk.length;
      if (kept > maxBody) {
        failed = codedError('SB_BODY_TOO_LARGE', `response body larger than ${maxBody} bytes (maxBody)`);
        stream.close(constants.NGHTTP2_CANCEL);
      } else parts.push(chunk);
    });
    stream.on('error', (error) => {
      failed ??= error;
    });
    stream.on('close', () => {
      connection.active -= 1;
      const doneAt = performance.now();
      if (failed || status === 0) {
        const cause =
          connection.error ?? failed ?? codedError('SB_PREMATURE_CLOSE', 'stream closed before the response');
        done(failure(cause, sentAt));
      } else {
        done(this.result(connection, { status, headers, parts, sentAt, firstByteAt, doneAt }));
      }
      this.next();
    });
    if (prepared.body !== undefined) stream.end(prepared.body);
  }

  private result(
    connection: H2Connection,
    r: {
      status: number;
      headers: HeaderMap;
      parts: Buffer[];
      sentAt: number;
      firstByteAt: number;
      doneAt: number;
    },
  ): HttpResult {
    const { sentAt, firstByteAt } = r;
    const connectFrom = Math.max(connection.openedAt, sentAt);
    const ready = connection.readyAt;
    const servedBy = this.options.servedByHeader ? r.headers[this.options.servedByHeader] : undefined;
    return {
      status: r.status,
      headers: r.headers,
      body: r.parts.length === 0 ? EMPTY_BODY : r.parts.length === 1 ? r.parts[0]! : Buffer.concat(r.parts),
      sentAt,
      doneAt: r.doneAt,
      ...(servedBy === undefined
        ? {}
        : { servedBy: Array.isArray(servedBy) ? servedBy.join(', ') : servedBy }),
      connecting: Math.max(0, connection.connectedAt - connectFrom),
      tlsHandshaking:
        this.tls && ready > connection.connectedAt
          ? Math.max(0, ready - Math.max(connection.connectedAt, sentAt))
          : 0,
      waiting: firstByteAt - Math.max(ready, sentAt),
      receiving: r.doneAt - firstByteAt,
    };
  }
}

const CONNECTION_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
]);

function toHeaderMap(head: Record<string, string | string[] | number | undefined>): HeaderMap {
  const map: HeaderMap = {};
  for (const [name, value] of Object.entries(head)) {
    if (name.startsWith(':') || value === undefined) continue;
    map[name] = name === 'set-cookie' ? ([] as string[]).concat(value as string | string[]) : String(value);
  }
  return map;
}

function failure(error: unknown, sentAt: number): HttpResult {
  return {
    status: 0,
    headers: {},
    body: EMPTY_BODY,
    sentAt,
    doneAt: performance.now(),
    errorClass: classifyError(error),
    errorMessage: error instanceof Error ? error.message : String(error),
  };
}
