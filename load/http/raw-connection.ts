/**
 * One keep-alive socket of the raw client, over TCP or TLS: writes a prepared request, parses the
 * response, enforces the per-request deadline (checked by the client's sweep), and reports transport
 * failures by code. The exchange in flight lives in the connection's fields, not in a closure per
 * request: the hot path allocates as little as it can. The connection keeps when it was opened,
 * connected and (TLS) secured, and when the current response's first byte came: the request phases.
 */
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { connect as connectTls } from 'node:tls';
import { codedError, tlsFailureReason } from './classify-error.ts';
import type { ParsedResponse } from './parsed-response.ts';
import { ResponseParser } from './response-parser.ts';
import type { TlsSessionCache } from './tls-session.ts';
import type { PreparedRequest, ResultCallback } from './types.ts';

/** Told when the exchange in flight on `connection` ends, with a response or an error. */
export type Settled = (
  connection: RawConnection,
  error: Error | null,
  response: ParsedResponse | null,
) => void;

export interface ConnectionOptions {
  host: string;
  port: number;
  /** a header whose value the parser reports for each response (served-by) */
  wantedHeader?: string;
  /** the most body bytes kept for one response (when the request keeps its body) */
  maxBody?: number;
  /** where socket reads land; shared by the client's connections (reads are handled synchronously) */
  readBuffer: Buffer;
  settled: Settled;
  /** an https:// origin: the client's shared TLS context and session */
  tls?: TlsSessionCache;
}

export class RawConnection {
  private readonly socket: Socket;
  private readonly parser: ResponseParser;
  private readonly settled: Settled;
  /** the exchange in flight: set by send, read by the client when it settles */
  request: PreparedRequest | null = null;
  done: ResultCallback | null = null;
  sentAt = 0;
  mayRetry = false;
  /** performance.now() after which the in-flight request times out; Infinity when idle */
  deadline = Number.POSITIVE_INFINITY;
  /** requests completed on this socket (0: fresh, a failure before any byte is not a stale-socket race) */
  used = 0;
  /** opened ahead of need: it may have idled, so a failure before any byte is retried like a reused one */
  preopened = false;
  dead = false;
  /** performance.now() when the socket was asked for, when TCP connected, when it could carry a
   * request (TLS: handshake done; else = connectedAt); 0 until then */
  readonly openedAt = performance.now();
  connectedAt = 0;
  readyAt = 0;
  /** performance.now() of the current response's first byte; 0 before it */
  firstByteAt = 0;
  /** the last failure came from the socket (error, end, close), not from a timeout or the parser */
  private transportFailure = false;
  private readonly secure: boolean;

  constructor({ host, port, wantedHeader, maxBody, readBuffer, settled, tls }: ConnectionOptions) {
    this.parser = new ResponseParser(wantedHeader, maxBody);
    this.settled = settled;
    this.secure = tls !== undefined;
    // onread: socket reads land in the client's one buffer and reach onData directly, without a
    // Buffer per read and without the Readable stream machinery (the parser copies what it keeps)
    const onread = {
      buffer: readBuffer,
      callback: (size: number) => {
        this.onData(readBuffer, size);
        return true;
      },
    };
    if (tls) {
      // onread is a net.connect option TLSSocket honours too (Node's typings leave it out)
      const socket = connectTls(Object.assign(tls.connectOptions(host, port), { onread }));
      socket.setNoDelay(true);
      tls.track(socket);
      socket.once('connect', () => {
        this.connectedAt = performance.now();
      });
      socket.once('secureConnect', () => {
        this.readyAt = performance.now();
      });
      this.socket = socket;
    } else {
      this.socket = connect({ host, port, noDelay: true, onread });
      this.socket.once('connect', () => {
        this.connectedAt = performance.now();
        this.readyAt = this.connectedAt;
      });
    }
    this.socket.on('end', () => this.onEnd());
    // a failed handshake or certificate check is no stale keep-alive socket: never retried
    this.socket.on('error', (error) => this.fail(error, tlsFailureReason(error) === null));
    this.socket.on('close', () => this.closedEarly());
  }

  /**
   * True when the last failure looks like the keep-alive race: the socket had served or waited before
   * this request (the server may have closed it while idle) and it closed or reset before any byte of
   * the response. Only then is a retry on a new socket safe; a timeout or a malformed response is not
   * retried (the server may have acted on the request).
   */
  get staleSocketFailure(): boolean {
    return this.transportFailure && (this.used > 0 || this.preopened) && !this.parser.started;
  }

  send(
    request: PreparedRequest,
    sentAt: number,
    deadline: number,
    mayRetry: boolean,
    done: ResultCallback,
  ): void {
    this.parser.start(request.keepBody, request.method === 'HEAD');
    this.request = request;
    this.done = done;
    this.sentAt = sentAt;
    this.mayRetry = mayRetry;
    this.deadline = deadline;
    this.firstByteAt = 0;
    this.socket.write(request.bytes);
  }

  /**
   * Sets the request phases of the response that just completed (sent at `sentAt`, done at `doneAt`):
   * the part of the TCP connect and TLS handshake it waited for (0 on a connection ready before it
   * was sent), the wait for the first byte from when the connection could carry it, and the rest.
   */
  stampPhases(response: ParsedResponse, sentAt: number, doneAt: number): void {
    const connected = this.connectedAt;
    const ready = this.readyAt;
    const firstByte = this.firstByteAt;
    response.connecting = Math.max(0, connected - Math.max(this.openedAt, sentAt));
    response.tlsHandshaking = ready > connected ? Math.max(0, ready - Math.max(connected, sentAt)) : 0;
    response.waiting = firstByte - Math.max(ready, sentAt);
    response.receiving = doneAt - firstByte;
  }

  /** Calls `callback` once, when the socket can carry a request or is gone (calls at once if it already is). */
  whenReady(callback: () => void): void {
    if (this.readyAt > 0 || this.dead) return void callback();
    let called = false;
    const once = () => {
      if (called) return;
      called = true;
      callback();
    };
    this.socket.once(this.secure ? 'secureConnect' : 'connect', once);
    this.socket.once('close', once);
  }

  timeout(): void {
    this.fail(codedError('SB_TIMEOUT', 'request timed out'), false);
  }

  destroy(): void {
    this.dead = true;
    this.socket.destroy();
  }

  private onData(buffer: Buffer, size: number): void {
    if (this.request === null) {
      this.destroy(); // bytes while idle: the server broke framing
      return;
    }
    if (this.firstByteAt === 0) this.firstByteAt = performance.now();
    let response: ParsedResponse | null;
    try {
      response = this.parser.feed(buffer, size);
    } catch (error: unknown) {
      this.fail(error instanceof Error ? error : new Error(String(error)), false);
      return;
    }
    if (response) this.complete(response);
  }

  private onEnd(): void {
    const response = this.request !== null ? this.parser.end() : null;
    if (response) this.complete(response);
    else this.closedEarly();
  }

  /** The socket ended or closed: a failure only when a request was waiting (no Error built otherwise:
   * closing 10 000 idle sockets at the end of a run must not capture 10 000 stack traces). */
  private closedEarly(): void {
    if (this.request === null) {
      this.transportFailure = true;
      this.deadline = Number.POSITIVE_INFINITY;
      if (!this.dead) this.destroy();
      return;
    }
    this.fail(codedError('SB_PREMATURE_CLOSE', 'connection closed before the response'), true);
  }

  private complete(response: ParsedResponse): void {
    this.deadline = Number.POSITIVE_INFINITY;
    this.used += 1;
    if (response.close) this.destroy();
    this.settled(this, null, response);
  }

  private fail(error: Error, transport: boolean): void {
    const inFlight = this.request !== null;
    this.transportFailure = transport;
    this.deadline = Number.POSITIVE_INFINITY;
    if (!this.dead) this.destroy();
    if (inFlight) this.settled(this, error, null);
  }
}
