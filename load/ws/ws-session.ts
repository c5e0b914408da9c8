/**
 * One WebSocket session on the `ws` library, with its bookkeeping: ws_sessions, ws_connecting,
 * ws_session_duration, ws_msgs_sent, ws_msgs_received (k6's names), and exchanges (send → first
 * matching message) recorded as requests of a step, timed from when the message was due. Flows await
 * messages with a matcher and a callback each; the bench, sending the same message many times a
 * second, queues its exchanges in an ExchangeQueue (no allocation per message), which a message
 * answers before any flow waiter. A session that fails (handshake, protocol, close code) does so once,
 * in one error class: pending exchanges fail with it, or it counts as a failure of the step when
 * nothing was awaited.
 */
import WebSocket from 'ws';
import type { WsMatch, WsMessage } from '../../load-model/flows/types.ts';
import type { ErrorClass } from '../../results/schema.ts';
import type { Clock } from '../engine/clock.ts';
import type { MetricsAccumulator } from '../engine/metrics.ts';
import { classifyStatus } from '../http/classify-error.ts';
import { ExchangeQueue, type RawMatch } from './exchange-queue.ts';
import { classifyClose, classifyWsError } from './ws-errors.ts';
import { toBuffer, toWsMessage } from './ws-message.ts';

export interface WsSessionOptions {
  url: string;
  headers?: Record<string, string>;
  subprotocols?: string[];
  /** handshake, reply and close timeout */
  timeoutMs: number;
  /** larger messages fail the session (ws_message_too_big, close 1009) */
  maxMessageBytes: number;
  /** the step failures and exchanges count under */
  step: number;
  /** also record ws_connecting{name:…} and ws_session_duration{name:…} */
  tag?: string;
  metrics: MetricsAccumulator;
  clock: Clock;
  rejectUnauthorized?: boolean;
  /** the handshake response's headers (Set-Cookie for the VU's jar) */
  onUpgrade?: (headers: Record<string, string | string[] | undefined>) => void;
  /** the reply that answers what sendQueued sent (the bench's; flows leave it out) */
  reply?: RawMatch;
}

/** How an exchange ended: the matching message, or the class it failed in. */
export type ExchangeDone = (message: WsMessage | undefined, errorClass: ErrorClass | undefined) => void;

interface Waiter {
  match: WsMatch;
  deadline: number;
  done: ExchangeDone;
}

/** the longest the timeout sweep sleeps between looks at the oldest waiter */
const SWEEP_MS = 100;

/** ws's send options, made once */
const TEXT = { binary: false };
const BINARY = { binary: true };

export class WsSession {
  protocol = '';
  closed = false;
  errorClass: ErrorClass | undefined;
  private readonly socket: WebSocket;
  private readonly startedAt: number;
  private readonly countedAt: number;
  private openedAt: number | undefined;
  private closeAsked = false;
  private waiters: Waiter[] = [];
  private sweep: NodeJS.Timeout | undefined;
  private readonly queue: ExchangeQueue | undefined;
  private readonly opened: Promise<void>;
  readonly ended: Promise<void>;

  constructor(private readonly options: WsSessionOptions) {
    const { metrics, clock, reply, step, timeoutMs } = options;
    this.startedAt = clock.now();
    this.queue = reply ? new ExchangeQueue({ match: reply, metrics, clock, step, timeoutMs }) : undefined;
    // a socket opened in the warm-up and held into the measured part counts there
    this.countedAt = Math.max(this.startedAt, metrics.measuredFrom);
    metrics.count('ws_sessions', 1, this.countedAt);
    this.socket = new WebSocket(options.url, options.subprotocols ?? [], {
      headers: options.headers ?? {},
      handshakeTimeout: options.timeoutMs,
      maxPayload: options.maxMessageBytes,
      perMessageDeflate: false,
      followRedirects: false,
      ...(options.rejectUnauthorized === false ? { rejectUnauthorized: false } : {}),
    });
    let markOpen = () => {};
    this.opened = new Promise((resolve) => {
      markOpen = resolve;
    });
    this.ended = new Promise((resolve) => {
      this.socket.on('close', (code) => {
        this.onClose(code);
        markOpen();
        resolve();
      });
    });
    this.socket.on('open', () => {
      this.openedAt = clock.now();
      this.protocol = this.socket.protocol;
      this.record('ws_connecting', this.openedAt - this.startedAt);
      markOpen();
    });
    this.socket.on('upgrade', (response) => options.onUpgrade?.(response.headers));
    this.socket.on('unexpected-response', (_request, response) => {
      this.errorClass ??= classifyStatus(response.statusCode ?? 0) ?? 'ws_no_upgrade';
      response.resume();
      this.socket.terminate();
    });
    this.socket.on('error', (error) => {
      this.errorClass ??= classifyWsError(error);
    });
    this.socket.on('message', (data, binary) => this.onMessage(data, binary));
  }

  /** Resolves once the session is open (true) or failed before it opened (false). */
  async open(): Promise<boolean> {
    await this.opened;
    return !this.closed;
  }

  send(data: string | Uint8Array | Buffer): void {
    this.write(data, typeof data === 'string' ? TEXT : BINARY, this.options.clock.now());
  }

  /** one frame on an open socket, counted in ws_msgs_sent at `now`; nothing once it is not open */
  private write(data: string | Uint8Array | Buffer, kind: typeof TEXT, now: number): void {
    if (this.closed || this.socket.readyState !== WebSocket.OPEN) return;
    this.socket.send(data, kind);
    this.options.metrics.count('ws_msgs_sent', 1, now);
  }

  /**
   * The bench's exchange: a text frame from bytes encoded once, sent now and awaited in the queue as
   * due at `dueAt` (the reply option says what answers it). On a socket no longer open nothing is
   * sent, and the exchange fails when the session ends, as a flow's would.
   */
  sendQueued(data: Buffer, dueAt: number): void {
    const now = this.options.clock.now();
    this.write(data, TEXT, now);
    this.queue!.push(dueAt, now);
  }

  /** Resolves once no queued exchange is pending. */
  whenDrained(): Promise<void> {
    return this.queue?.whenDrained() ?? Promise.resolve();
  }

  /** Waits for the first message that matches; `done` gets it, or a class (timeout, the session's failure). */
  awaitMessage(match: WsMatch, timeoutMs: number, done: ExchangeDone): void {
    if (this.closed) {
      done(undefined, this.errorClass ?? 'ws_close_error');
      return;
    }
    this.waiters.push({ match, deadline: this.options.clock.now() + timeoutMs, done });
    this.sweep ??= setTimeout(() => this.expire(), Math.min(SWEEP_MS, timeoutMs));
  }

  /**
   * Sends `data` and records the exchange as a request of the session's step: response time from
   * `intendedAt`, service time from the send, ws_reply too.
   */
  exchange(send: () => void, match: WsMatch, intendedAt: number, step: number, done?: ExchangeDone): void {
    const { clock, metrics } = this.options;
    const sentAt = clock.now();
    send();
    this.awaitMessage(match, this.options.timeoutMs, (message, errorClass) => {
      const doneAt = clock.now();
      metrics.addRequest(step, intendedAt, sentAt, doneAt, errorClass, undefined);
      metrics.trend('ws_reply', doneAt - intendedAt, intendedAt);
      done?.(message, errorClass);
    });
  }

  /** Closes with `code` and resolves when the session has ended (the server's close frame, or the timeout). */
  async close(code = 1000, reason = ''): Promise<void> {
    if (this.closed) return;
    this.closeAsked = true;
    if (this.socket.readyState === WebSocket.OPEN) this.socket.close(code, reason);
    else this.socket.terminate();
    const timer = setTimeout(() => this.socket.terminate(), this.options.timeoutMs);
    await this.ended;
    clearTimeout(timer);
  }

  private onMessage(data: WebSocket.RawData, binary: boolean): void {
    const { metrics, clock } = this.options;
    const now = clock.now();
    metrics.count('ws_msgs_received', 1, now);
    if (this.queue?.answer(toBuffer(data), binary, now) === true || this.waiters.length === 0) return;
    const message = toWsMessage(toBuffer(data), binary);
    const index = this.waiters.findIndex((waiter) => safeMatch(waiter.match, message));
    if (index < 0) return;
    const [waiter] = this.waiters.splice(index, 1);
    waiter!.done(message, undefined);
  }

  private expire(): void {
    this.sweep = undefined;
    const now = this.options.clock.now();
    const expired = this.waiters.filter((waiter) => waiter.deadline <= now);
    if (expired.length > 0) this.waiters = this.waiters.filter((waiter) => waiter.deadline > now);
    for (const waiter of expired) waiter.done(undefined, 'ws_reply_timeout');
    if (this.waiters.length === 0) return;
    const next = Math.min(...this.waiters.slice(0, 16).map((waiter) => waiter.deadline));
    this.sweep = setTimeout(() => this.expire(), Math.max(1, Math.min(SWEEP_MS, next - now)));
  }

  private onClose(code: number): void {
    const { metrics, clock } = this.options;
    this.closed = true;
    if (this.sweep) clearTimeout(this.sweep);
    const now = clock.now();
    if (this.openedAt !== undefined) this.record('ws_session_duration', now - this.openedAt);
    if (!this.closeAsked) this.errorClass ??= classifyClose(code);
    else if (this.openedAt === undefined) this.errorClass ??= 'ws_handshake_timeout';
    if (code !== 1000 && code !== 1005) metrics.count(`ws_close_${code}`, 1, now);
    const waiters = this.waiters.splice(0);
    for (const waiter of waiters) waiter.done(undefined, this.errorClass ?? 'ws_close_error');
    const queued = this.queue?.failAll(this.errorClass ?? 'ws_close_error', now) ?? 0;
    if (this.errorClass !== undefined && waiters.length === 0 && queued === 0)
      metrics.addFailure(this.options.step, now, this.errorClass);
  }

  private record(name: string, ms: number): void {
    const { metrics, tag } = this.options;
    metrics.trend(name, ms, this.countedAt);
    if (tag !== undefined) metrics.trend(`${name}{name:${tag}}`, ms, this.countedAt);
  }
}

function safeMatch(match: WsMatch, message: WsMessage): boolean {
  try {
    return match(message) === true;
  } catch {
    return false;
  }
}
