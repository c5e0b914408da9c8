/**
 * The raw keep-alive client: up to `connections` sockets, requests serialized once (prepare) and
 * written as bytes, a minimal parser for responses. One sweep timer enforces all per-request
 * deadlines. A request that dies on a reused socket before any response byte (the server closed an
 * idle keep-alive connection) is retried once on a fresh socket. `sendWith` is the callback form the
 * bench fast path uses (no promise per request); `send` wraps it.
 */
import { performance } from 'node:perf_hooks';
import { allReady, failedResult } from './client-common.ts';
import type { ParsedResponse } from './parsed-response.ts';
import { RawConnection, type Settled } from './raw-connection.ts';
import { buildRequestBytes } from './request-builder.ts';
import { TlsSessionCache } from './tls-session.ts';
import type {
  HttpClient,
  HttpClientOptions,
  HttpRequest,
  HttpResult,
  PreparedRequest,
  ResultCallback,
} from './types.ts';

/**
 * Methods the keep-alive race may retry (RFC 9110 §9.2.2): a reused socket closed before any byte of
 * the answer looks the same whether the server never read the request or acted on it and died, so a
 * POST or PATCH is reported (reset), never sent twice — as undici and Go's net/http do.
 */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

type Waiter = (connection: RawConnection) => void;

export class RawHttpClient implements HttpClient {
  readonly kind = 'raw' as const;
  readonly protocol = 'http/1.1' as const;
  /** https:// origins: the TLS context and session every connection shares */
  readonly tls: TlsSessionCache | undefined;
  private readonly host: string;
  private readonly hostname: string;
  private readonly port: number;
  /** every socket not yet known dead, idle or busy (a busy one has a request in flight) */
  private readonly open = new Set<RawConnection>();
  private readonly idle: RawConnection[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly sweep: NodeJS.Timeout;
  private closed = false;
  private readonly readBuffer = Buffer.allocUnsafe(64 * 1024);

  constructor(private readonly options: HttpClientOptions) {
    const url = new URL(options.origin);
    this.host = url.host;
    this.hostname = url.hostname.replace(/^\[|\]$/g, '');
    const secure = url.protocol === 'https:';
    this.port = Number(url.port || (secure ? 443 : 80));
    this.tls = secure ? new TlsSessionCache(this.hostname, options.tls) : undefined;
    const every = Math.max(5, Math.min(100, options.timeoutMs / 20));
    this.sweep = setInterval(() => this.expire(), every);
    this.sweep.unref();
    const warm = Math.min(options.preconnect ?? 0, options.connections);
    // the stack's top is the first opened (the likeliest to be connected when the first request comes)
    for (let i = 0; i < warm; i += 1) this.idle.unshift(this.connect());
    for (const connection of this.idle) connection.preopened = true;
  }

  prepare(request: HttpRequest, keepBody: boolean): PreparedRequest {
    return { method: request.method.toUpperCase(), bytes: buildRequestBytes(request, this.host), keepBody };
  }

  send(request: PreparedRequest): Promise<HttpResult> {
    return new Promise((resolve) => this.sendWith(request, resolve));
  }

  sendWith(request: PreparedRequest, done: ResultCallback): void {
    const connection = this.acquire();
    const mayRetry = IDEMPOTENT.has(request.method);
    if (connection) this.exchange(connection, request, performance.now(), mayRetry, done);
    else this.waiters.push((next) => this.exchange(next, request, performance.now(), mayRetry, done));
  }

  ready(limitMs: number): Promise<void> {
    const pending = this.idle.filter((connection) => connection.readyAt === 0 && !connection.dead);
    return allReady(pending, (connection, callback) => connection.whenReady(callback), limitMs);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweep);
    for (const connection of this.open) connection.destroy();
    this.idle.length = 0;
    this.open.clear();
  }

  private exchange(
    connection: RawConnection,
    request: PreparedRequest,
    sentAt: number,
    mayRetry: boolean,
    done: ResultCallback,
  ): void {
    connection.send(request, sentAt, sentAt + this.options.timeoutMs, mayRetry, done);
  }

  /** The end of an exchange (one function for every connection: no closure per request). */
  private readonly settled: Settled = (connection, error, response) => {
    const request = connection.request!;
    const done = connection.done!;
    const sentAt = connection.sentAt;
    const mayRetry = connection.mayRetry;
    connection.request = null;
    connection.done = null;
    if (error && mayRetry && connection.staleSocketFailure && !this.closed) {
      this.release(connection);
      const retry = (next: RawConnection) => this.exchange(next, request, sentAt, false, done);
      const next = this.acquire();
      if (next) retry(next);
      else this.waiters.push(retry);
      return;
    }
    const doneAt = performance.now();
    // phases before release: a waiter may reuse the connection at once (resetting its first byte)
    if (!error) connection.stampPhases(response as ParsedResponse, sentAt, doneAt);
    this.release(connection);
    if (error) {
      // a failure can come back within the tick that sent (EMFILE on connect is reported on nextTick):
      // answering on the next turn keeps a loop of failing requests from starving the event loop
      setImmediate(done, failedResult(error, sentAt, doneAt));
      return;
    }
    const result = response as ParsedResponse;
    result.sentAt = sentAt;
    result.doneAt = doneAt;
    done(result);
  };

  private acquire(): RawConnection | null {
    let connection = this.idle.pop();
    while (connection?.dead) {
      this.open.delete(connection);
      connection = this.idle.pop();
    }
    if (connection) return connection;
    if (this.open.size >= this.options.connections) return null;
    return this.connect();
  }

  private connect(): RawConnection {
    const connection = new RawConnection({
      host: this.hostname,
      port: this.port,
      wantedHeader: this.options.servedByHeader,
      maxBody: this.options.maxBody,
      readBuffer: this.readBuffer,
      settled: this.settled,
      ...(this.tls === undefined ? {} : { tls: this.tls }),
    });
    this.open.add(connection);
    return connection;
  }

  private release(connection: RawConnection): void {
    if (connection.dead) this.open.delete(connection);
    const waiter = this.closed ? undefined : this.waiters.shift();
    if (waiter) {
      waiter(connection.dead ? this.connect() : connection);
      return;
    }
    if (!connection.dead) this.idle.push(connection);
  }

  private expire(): void {
    const now = performance.now();
    for (const connection of this.open) if (connection.deadline <= now) connection.timeout();
    for (let i = this.idle.length - 1; i >= 0; i -= 1) {
      const connection = this.idle[i]!;
      if (!connection.dead) continue;
      this.idle.splice(i, 1);
      this.open.delete(connection);
    }
  }
}
