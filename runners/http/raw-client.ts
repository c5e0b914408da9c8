/**
 * The raw keep-alive client: up to `connections` sockets, requests serialized once (prepare) and
 * written as bytes, a minimal parser for responses. One sweep timer enforces all per-request
 * deadlines. A request that dies on a reused socket before any response byte (the server closed an
 * idle keep-alive connection) is retried once on a fresh socket.
 */
import { performance } from 'node:perf_hooks';
import { classifyError } from './classify-error.ts';
import { RawConnection } from './raw-connection.ts';
import { buildRequestBytes } from './request-builder.ts';
import type { ParsedResponse } from './response-parser.ts';
import {
  EMPTY_BODY,
  type HttpClient,
  type HttpClientOptions,
  type HttpRequest,
  type HttpResult,
  type PreparedRequest,
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

  constructor(private readonly options: HttpClientOptions) {
    const url = new URL(options.origin);
    this.host = url.host;
    this.hostname = url.hostname.replace(/^\[|\]$/g, '');
    this.port = Number(url.port || 80);
    const every = Math.max(5, Math.min(100, options.timeoutMs / 20));
    this.sweep = setInterval(() => this.expire(), every);
    this.sweep.unref();
  }

  prepare(request: HttpRequest, keepBody: boolean): PreparedRequest {
    return { method: request.method.toUpperCase(), bytes: buildRequestBytes(request, this.host), keepBody };
  }

  async send(request: PreparedRequest): Promise<HttpResult> {
    let connection = this.acquire() ?? (await this.waitForConnection());
    const sentAt = performance.now();
    let outcome = await this.exchange(connection, request, sentAt);
    if (outcome instanceof Error && connection.used > 0 && connection.failedBeforeResponse) {
      this.release(connection);
      connection = this.acquire() ?? (await this.waitForConnection());
      outcome = await this.exchange(connection, request, sentAt);
    }
    const doneAt = performance.now();
    this.release(connection);
    if (outcome instanceof Error) {
      return {
        status: 0,
        headers: {},
        body: EMPTY_BODY,
        sentAt,
        doneAt,
        errorClass: classifyError(outcome),
        errorMessage: outcome.message,
      };
    }
    return { status: outcome.status, headers: outcome.headers, body: outcome.body, sentAt, doneAt };
  }

  async close(): Promise<void> {
    clearInterval(this.sweep);
    for (const connection of [...this.idle, ...this.busy]) connection.destroy();
    this.idle.length = 0;
    this.busy.clear();
  }

  private exchange(connection: RawConnection, request: PreparedRequest, sentAt: number) {
    return new Promise<ParsedResponse | Error>((resolve) => {
      connection.send(
        request.bytes,
        request.keepBody,
        request.method === 'HEAD',
        sentAt + this.options.timeoutMs,
        (error, response) => resolve(error ?? response!),
      );
    });
  }

  private acquire(): RawConnection | null {
    let connection = this.idle.pop();
    while (connection?.dead) connection = this.idle.pop();
    if (connection) {
      this.busy.add(connection);
      return connection;
    }
    return this.open();
  }

  private open(): RawConnection | null {
    if (this.idle.length + this.busy.size >= this.options.connections) return null;
    const connection = new RawConnection(this.hostname, this.port);
    this.busy.add(connection);
    return connection;
  }

  private waitForConnection(): Promise<RawConnection> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private release(connection: RawConnection): void {
    this.busy.delete(connection);
    const waiter = this.waiters.shift();
    if (waiter) {
      const next = connection.dead ? new RawConnection(this.hostname, this.port) : connection;
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
