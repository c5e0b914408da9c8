/**
 * The raw keep-alive client: up to `connections` sockets, requests serialized once (prepare) and
 * written as bytes, a minimal parser for responses. One sweep timer enforces all per-request
 * deadlines. A request that dies on a reused socket before any response byte (the server closed an
 * idle keep-alive connection) is retried once on a fresh socket. `sendWith` is the callback form the
 * bench fast path uses (no promise per request); `send` wraps it.
 */
import { performance } from 'node:perf_hooks';
import { RawConnection } from './raw-connection.ts';
import { errorResult, RawResult } from './raw-result.ts';
import { buildRequestBytes } from './request-builder.ts';
import type { ParsedResponse } from './response-parser.ts';
import type {
  HttpClient,
  HttpClientOptions,
  HttpRequest,
  HttpResult,
  PreparedRequest,
  ResultCallback,
} from './types.ts';

type Waiter = (connection: RawConnection) => void;

export class RawHttpClient implements HttpClient {
  readonly kind = 'raw' as const;
  private readonly host: string;
  private readonly hostname: string;
  private readonly port: number;
  private readonly idle: RawConnection[] = [];
  private readonly busy = new Set<RawConnection>();
  private readonly waiters: Waiter[] = [];
  private readonly sweep: NodeJS.Timeout;
  private closed = false;
  private readonly readBuffer = Buffer.allocUnsafe(64 * 1024);

  constructor(private readonly options: HttpClientOptions) {
    const url = new URL(options.origin);
    this.host = url.host;
    this.hostname = url.hostname.replace(/^\[|\]$/g, '');
    this.port = Number(url.port || 80);
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
    if (connection) this.exchange(connection, request, performance.now(), true, done);
    else this.waiters.push((next) => this.exchange(next, request, performance.now(), true, done));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweep);
    for (const connection of [...this.idle, ...this.busy]) connection.destroy();
    this.idle.length = 0;
    this.busy.clear();
  }

  private exchange(
    connection: RawConnection,
    request: PreparedRequest,
    sentAt: number,
    mayRetry: boolean,
    done: ResultCallback,
  ): void {
    const deadline = sentAt + this.options.timeoutMs;
    connection.send(
      request.bytes,
      request.keepBody,
      request.method === 'HEAD',
      deadline,
      (error, response) => {
        if (error && mayRetry && connection.reused && connection.failedBeforeResponse && !this.closed) {
          this.release(connection);
          const retry = (next: RawConnection) => this.exchange(next, request, sentAt, false, done);
          const next = this.acquire();
          if (next) retry(next);
          else this.waiters.push(retry);
          return;
        }
        const doneAt = performance.now();
        this.release(connection);
        done(
          error
            ? errorResult(error, sentAt, doneAt)
            : new RawResult(response as ParsedResponse, sentAt, doneAt),
        );
      },
    );
  }

  private acquire(): RawConnection | null {
    let connection = this.idle.pop();
    while (connection?.dead) connection = this.idle.pop();
    if (connection) {
      this.busy.add(connection);
      return connection;
    }
    if (this.idle.length + this.busy.size >= this.options.connections) return null;
    connection = this.connect();
    this.busy.add(connection);
    return connection;
  }

  private connect(): RawConnection {
    return new RawConnection({
      host: this.hostname,
      port: this.port,
      wantedHeader: this.options.servedByHeader,
      readBuffer: this.readBuffer,
    });
  }

  private release(connection: RawConnection): void {
    this.busy.delete(connection);
    const waiter = this.closed ? undefined : this.waiters.shift();
    if (waiter) {
      const next = connection.dead ? this.connect() : connection;
      this.busy.add(next);
      waiter(next);
      return;
    }
    if (!connection.dead) this.idle.push(connection);
  }

  private expire(): void {
    const now = performance.now();
    for (const connection of this.busy) if (connection.deadline <= now) connection.timeout();
    for (let i = this.idle.length - 1; i >= 0; i -= 1) if (this.idle[i]!.dead) this.idle.splice(i, 1);
  }
}
