/**
 * The bench's exchanges in flight on one socket, oldest first: when each message was due and when it
 * went out, in two rings of numbers, so a message costs no object, closure or promise. Every exchange
 * awaits the same reply, so a message that matches answers the oldest one; an exchange not answered
 * within the timeout fails in ws_reply_timeout, and what is pending when the session ends fails in the
 * session's class. One timer per socket looks at the oldest's deadline; it is left to run out when the
 * queue empties (set and cleared per message, it would cost what the ticker saves) and is cleared when
 * the session ends. Each is recorded as a
 * request of the step: response time from when the message was due, service time from the send, and
 * ws_reply (from the due time too).
 */
import type { ErrorClass } from '../../results/schema.ts';
import type { Clock } from '../engine/clock.ts';
import type { MetricsAccumulator } from '../engine/metrics.ts';

/** Whether a message (its bytes, and whether it came as a binary frame) is the awaited reply. */
export type RawMatch = (data: Buffer, binary: boolean) => boolean;

export interface ExchangeQueueOptions {
  match: RawMatch;
  metrics: MetricsAccumulator;
  clock: Clock;
  step: number;
  timeoutMs: number;
}

export class ExchangeQueue {
  private dueAt = new Float64Array(16);
  private sentAt = new Float64Array(16);
  private head = 0;
  private count = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly onTimer = () => {
    this.timer = undefined;
    this.expire(this.options.clock.now());
  };
  private drained: (() => void) | undefined;

  constructor(private readonly options: ExchangeQueueOptions) {}

  get pending(): number {
    return this.count;
  }

  /** A message due at `dueAt` went out (or was meant to) at `sentAt`. */
  push(dueAt: number, sentAt: number): void {
    if (this.count === this.dueAt.length) this.grow();
    const tail = (this.head + this.count) & (this.dueAt.length - 1);
    this.dueAt[tail] = dueAt;
    this.sentAt[tail] = sentAt;
    this.count += 1;
    this.arm(this.sentAt[this.head]!, sentAt);
  }

  /** A message arrived at `now`: true when it answered the oldest exchange. */
  answer(data: Buffer, binary: boolean, now: number): boolean {
    if (this.count > 0) this.expire(now);
    if (this.count === 0 || !this.options.match(data, binary)) return false;
    this.complete(now, undefined);
    return true;
  }

  /** The session ended: every pending exchange fails in `errorClass`; returns how many did. */
  failAll(errorClass: ErrorClass, now: number): number {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const failed = this.count;
    while (this.count > 0) this.complete(now, errorClass);
    return failed;
  }

  /** Resolves once nothing is pending (answered, timed out or failed). */
  async whenDrained(): Promise<void> {
    if (this.count === 0) return;
    await new Promise<void>((resolve) => {
      this.drained = resolve;
    });
  }

  /** Fails the exchanges whose deadline has passed and sets the timer for the next one's. */
  private expire(now: number): void {
    const { timeoutMs } = this.options;
    while (this.count > 0 && this.sentAt[this.head]! + timeoutMs <= now)
      this.complete(now, 'ws_reply_timeout');
    if (this.count > 0 && this.timer === undefined) this.arm(this.sentAt[this.head]!, now);
  }

  /** The timer for the oldest exchange's deadline (sent at `sentAt`), unless one is set. */
  private arm(sentAt: number, now: number): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(this.onTimer, Math.max(1, Math.ceil(sentAt + this.options.timeoutMs - now)));
  }

  private complete(now: number, errorClass: ErrorClass | undefined): void {
    const { metrics, step } = this.options;
    const dueAt = this.dueAt[this.head]!;
    const sentAt = this.sentAt[this.head]!;
    this.head = (this.head + 1) & (this.dueAt.length - 1);
    this.count -= 1;
    metrics.addRequest(step, dueAt, sentAt, now, errorClass, undefined);
    metrics.trend('ws_reply', now - dueAt, dueAt);
    if (this.count > 0 || this.drained === undefined) return;
    this.drained();
    this.drained = undefined;
  }

  /** Doubles the rings, oldest first from index 0. */
  private grow(): void {
    const size = this.dueAt.length;
    const dueAt = new Float64Array(size * 2);
    const sentAt = new Float64Array(size * 2);
    for (let i = 0; i < this.count; i += 1) {
      dueAt[i] = this.dueAt[(this.head + i) & (size - 1)]!;
      sentAt[i] = this.sentAt[(this.head + i) & (size - 1)]!;
    }
    this.dueAt = dueAt;
    this.sentAt = sentAt;
    this.head = 0;
  }
}
