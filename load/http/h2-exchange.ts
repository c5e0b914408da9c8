/**
 * One request of the h2 client, from the stream it opened to the end: it is also the HttpResult the
 * caller gets (status, lazily built header map, body when kept, times and phases). Its stream events go
 * to shared functions, not closures made per request.
 */
import type { ClientHttp2Stream, IncomingHttpHeaders } from 'node:http2';
import { constants } from 'node:http2';
import { performance } from 'node:perf_hooks';
import type { HeaderMap } from '../../load-model/flows/header-map.ts';
import type { ErrorClass } from '../../results/schema.ts';
import { classifyError, codedError } from './classify-error.ts';
import type { H2Connection } from './h2-connection.ts';
import { EMPTY_BODY, type HttpResult, type ResultCallback } from './types.ts';

const EXCHANGE = Symbol('scalebench.h2.exchange');
type Tagged = ClientHttp2Stream & { [EXCHANGE]?: H2Exchange };

export class H2Exchange implements HttpResult {
  status = 0;
  body: Buffer = EMPTY_BODY;
  doneAt = 0;
  servedBy: string | undefined = undefined;
  errorClass: ErrorClass | undefined = undefined;
  errorMessage: string | undefined = undefined;
  /** the request phases: set when a response came, undefined on a failure */
  connecting: number | undefined = undefined;
  tlsHandshaking: number | undefined = undefined;
  waiting: number | undefined = undefined;
  receiving: number | undefined = undefined;
  /** performance.now() after which the request times out (the client's sweep checks it) */
  readonly deadline: number;
  private raw: IncomingHttpHeaders | null = null;
  private map: HeaderMap | undefined;
  private parts: Buffer[] | null = null;
  private kept = 0;
  private firstByteAt = 0;
  private failed: unknown = null;

  constructor(
    private readonly connection: H2Connection,
    private readonly stream: ClientHttp2Stream,
    readonly sentAt: number,
    timeoutMs: number,
    private readonly keepBody: boolean,
    private readonly maxBody: number,
    private readonly wanted: string | undefined,
    /** the caller's callback, called by `finish` */
    readonly done: ResultCallback,
    private readonly finish: (exchange: H2Exchange) => void,
  ) {
    this.deadline = sentAt + timeoutMs;
    const tagged = stream as Tagged;
    tagged[EXCHANGE] = this;
    stream.on('response', onResponse);
    stream.on('data', onData);
    stream.on('error', onError);
    stream.on('close', onClose);
  }

  /** lower-cased names; set-cookie stays a list */
  get headers(): HeaderMap {
    this.map ??= this.raw ? toHeaderMap(this.raw) : {};
    return this.map;
  }

  /** Ends the stream with a timeout (the client's sweep found it past its deadline). */
  timeout(): void {
    this.cancel(codedError('SB_TIMEOUT', 'request timed out'));
  }

  response(head: IncomingHttpHeaders): void {
    this.firstByteAt = performance.now();
    this.status = Number(head[':status']);
    this.raw = head;
    if (this.wanted !== undefined) {
      const value = head[this.wanted];
      if (value !== undefined) this.servedBy = Array.isArray(value) ? value.join(', ') : String(value);
    }
  }

  data(chunk: Buffer): void {
    if (!this.keepBody || this.failed) return;
    this.kept += chunk.length;
    if (this.kept > this.maxBody) {
      this.cancel(
        codedError('SB_BODY_TOO_LARGE', `response body larger than ${this.maxBody} bytes (maxBody)`),
      );
      return;
    }
    if (this.parts === null) this.parts = [chunk];
    else this.parts.push(chunk);
  }

  error(error: unknown): void {
    this.failed ??= error;
  }

  close(): void {
    this.doneAt = performance.now();
    this.connection.active -= 1;
    if (this.failed || this.status === 0) {
      const cause =
        this.connection.error ??
        this.failed ??
        codedError('SB_PREMATURE_CLOSE', 'stream closed before the response');
      this.status = 0;
      this.raw = null;
      this.errorClass = classifyError(cause);
      this.errorMessage = cause instanceof Error ? cause.message : String(cause);
    } else {
      const parts = this.parts;
      if (parts) this.body = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      this.stampPhases();
    }
    this.finish(this);
  }

  private cancel(reason: Error): void {
    this.failed ??= reason;
    this.stream.close(constants.NGHTTP2_CANCEL);
  }

  private stampPhases(): void {
    const { connectedAt, readyAt, openedAt } = this.connection;
    const sentAt = this.sentAt;
    this.connecting = Math.max(0, connectedAt - Math.max(openedAt, sentAt));
    this.tlsHandshaking = readyAt > connectedAt ? Math.max(0, readyAt - Math.max(connectedAt, sentAt)) : 0;
    this.waiting = this.firstByteAt - Math.max(readyAt, sentAt);
    this.receiving = this.doneAt - this.firstByteAt;
  }
}

function onResponse(this: Tagged, head: IncomingHttpHeaders): void {
  this[EXCHANGE]!.response(head);
}

function onData(this: Tagged, chunk: Buffer): void {
  this[EXCHANGE]!.data(chunk);
}

function onError(this: Tagged, error: unknown): void {
  this[EXCHANGE]!.error(error);
}

function onClose(this: Tagged): void {
  this[EXCHANGE]!.close();
}

function toHeaderMap(head: IncomingHttpHeaders): HeaderMap {
  const map: HeaderMap = {};
  for (const [name, value] of Object.entries(head)) {
    if (name.startsWith(':') || value === undefined) continue;
    map[name] = name === 'set-cookie' ? ([] as string[]).concat(value) : String(value);
  }
  return map;
}
