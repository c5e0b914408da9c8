/**
 * The virtual user of `bench ws://…`: holds one WebSocket and sends the message at a fixed rate on it,
 * each message due at start + k/rate whatever the replies do (open model per socket: a server that
 * stalls does not slow the sends, so its stall lands in the replies' latency, no coordinated omission).
 * The sends of all a thread's sockets come from one SendTicker (send-ticker.ts), their exchanges wait
 * in each session's ExchangeQueue: nothing is allocated per message.
 * Closed model (--connections N): N sockets held for the run, reopened if lost; each exchange is an
 * iteration. Open model (--rate N): N socket arrivals per second, each held holdMs; each socket is one.
 */
import type { WebSocketBenchSpec } from '../../load-model/types.ts';
import type { Clock } from '../engine/clock.ts';
import type { MetricsAccumulator } from '../engine/metrics.ts';
import type { IterationRunner } from '../engine/vu-pool.ts';
import type { RawMatch } from './exchange-queue.ts';
import { PacedSocket } from './paced-socket.ts';
import type { SendTicker } from './send-ticker.ts';
import { WsSession } from './ws-session.ts';

export const WS_STEP = 'ws';

/** default cap on one message: 4 MiB */
export const DEFAULT_MAX_WS_MESSAGE = 4 * 1024 * 1024;

/** how long an idle held socket sleeps between looks at whether the run goes on */
const IDLE_SLICE_MS = 1000;

/** how long a lost socket waits before the closed model reopens it */
const REOPEN_MS = 100;

export interface WsBenchContext {
  url: string;
  spec: WebSocketBenchSpec;
  metrics: MetricsAccumulator;
  clock: Clock;
  timeoutMs: number;
  insecure: boolean;
  /** sends every socket's due messages (one per thread) */
  ticker: SendTicker;
}

/** The reply awaited: a message matching --ws-expect, else the message echoed as text. */
export function wsMatcher(spec: Pick<WebSocketBenchSpec, 'message' | 'expect'>): RawMatch {
  if (spec.expect !== undefined) {
    const pattern = new RegExp(spec.expect);
    return (data) => pattern.test(data.toString('utf8'));
  }
  const payload = Buffer.from(spec.message);
  return (data, binary) => !binary && data.equals(payload);
}

export class WsBenchUser implements IterationRunner {
  private readonly step: number;
  private readonly payload: Buffer;
  private readonly match: RawMatch;

  /** where in the send interval this socket's messages fall (spread by VU id, so sockets do not send in step) */
  private readonly phase: number;

  constructor(
    private readonly ctx: WsBenchContext,
    id = 0,
  ) {
    this.phase = (id * 0.618_033_988_75) % 1;
    this.step = ctx.metrics.stepIndex(WS_STEP);
    this.payload = Buffer.from(ctx.spec.message);
    this.match = wsMatcher(ctx.spec);
  }

  async runIteration(intendedAt: number): Promise<void> {
    const until = intendedAt + this.ctx.spec.holdMs;
    await this.hold(intendedAt, () => this.ctx.clock.now() < until, false);
    this.ctx.metrics.addIteration(intendedAt);
  }

  async runLoop(more: () => boolean, now: () => number): Promise<void> {
    while (more()) {
      const startedAt = now();
      await this.hold(startedAt, more, true);
      if (more() && now() - startedAt < REOPEN_MS) await this.ctx.clock.wait(REOPEN_MS);
    }
  }

  /** One session: open, send at the rate while `more()` and the socket lives, await what is pending, close. */
  private async hold(startAt: number, more: () => boolean, perExchange: boolean): Promise<void> {
    const { ctx } = this;
    const session = new WsSession({
      url: ctx.url,
      ...(ctx.spec.headers ? { headers: ctx.spec.headers } : {}),
      ...(ctx.spec.subprotocols ? { subprotocols: ctx.spec.subprotocols } : {}),
      timeoutMs: ctx.timeoutMs,
      maxMessageBytes: ctx.spec.maxMessageBytes ?? DEFAULT_MAX_WS_MESSAGE,
      step: this.step,
      metrics: ctx.metrics,
      clock: ctx.clock,
      reply: this.match,
      ...(ctx.insecure ? { rejectUnauthorized: false } : {}),
    });
    if (!(await session.open())) return;
    const rate = ctx.spec.ratePerSocket;
    const paced = new PacedSocket({
      session,
      payload: rate > 0 ? this.payload : undefined,
      startAt,
      phase: this.phase,
      intervalMs: rate > 0 ? 1000 / rate : IDLE_SLICE_MS,
      more,
      ...(perExchange ? { onSend: (dueAt: number) => ctx.metrics.addIteration(dueAt) } : {}),
    });
    ctx.ticker.add(paced);
    await paced.done;
    await session.whenDrained();
    await session.close(1000);
  }
}
