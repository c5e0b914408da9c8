/**
 * One held bench socket on the send ticker: message k is due at startAt + (k + phase) × interval,
 * whatever the replies do (the open model per socket). At each due time it sends, unless the run no
 * longer wants it (`more()`) or the session has ended; then it is done. A socket that only holds
 * (rate 0) looks at `more()` once a slice and sends nothing.
 */
import type { PacedSender } from './send-ticker.ts';
import type { WsSession } from './ws-session.ts';

export interface PacedSocketOptions {
  session: Pick<WsSession, 'ended' | 'closed' | 'sendQueued'>;
  /** the message, encoded once; undefined: hold only */
  payload: Buffer | undefined;
  startAt: number;
  /** where in the interval this socket's messages fall, in [0, 1) */
  phase: number;
  /** ms between messages (or between looks, when holding only) */
  intervalMs: number;
  /** whether the run still wants this socket, asked at each due time */
  more: () => boolean;
  /** hears each message's due time as it is sent (the closed model counts an iteration) */
  onSend?: (dueAt: number) => void;
}

export class PacedSocket implements PacedSender {
  due: number;
  /** resolves when the socket is done: the run wants no more of it, or its session ended */
  readonly done: Promise<void>;
  private sent = 0;
  private finished = false;
  private resolveDone!: () => void;

  constructor(private readonly options: PacedSocketOptions) {
    this.due = options.startAt + options.phase * options.intervalMs;
    this.done = new Promise((resolve) => {
      this.resolveDone = resolve;
    });
    // a session lost between two due times ends the socket at once (the closed model reopens it)
    void options.session.ended.then(() => this.finish());
  }

  fire(): boolean {
    const { session, payload, more } = this.options;
    if (this.finished) return false;
    if (!more() || session.closed) {
      this.finish();
      return false;
    }
    if (payload !== undefined) {
      this.options.onSend?.(this.due);
      session.sendQueued(payload, this.due);
    }
    this.sent += 1;
    this.due = this.options.startAt + (this.sent + this.options.phase) * this.options.intervalMs;
    return true;
  }

  private finish(): void {
    this.finished = true;
    this.resolveDone();
  }
}
