/**
 * The virtual user of `bench --sse URL`: holds one event stream; when the server ends it, reconnects
 * with Last-Event-ID after the server's retry time (sse_reconnects). Closed model (--connections N): N
 * streams for the run, each event an iteration (achieved rate = events per second). Open model (--rate
 * N): N stream arrivals per second, each held holdMs.
 */
import type { SseBenchSpec } from '../../load-model/types.ts';
import type { Clock } from '../engine/clock.ts';
import type { MetricsAccumulator } from '../engine/metrics.ts';
import type { IterationRunner } from '../engine/vu-pool.ts';
import { SseStream } from './sse-stream.ts';

export const SSE_STEP = 'sse';

/** default cap on one line of the stream: 1 MiB */
export const DEFAULT_MAX_SSE_LINE = 1024 * 1024;

/** reconnection delay when the server named none (browsers wait about 3 s; a load test less) */
const DEFAULT_RETRY_MS = 250;

/** how often a held stream looks at whether the run goes on */
const HOLD_SLICE_MS = 250;

export interface SseBenchContext {
  url: string;
  spec: SseBenchSpec;
  metrics: MetricsAccumulator;
  clock: Clock;
  timeoutMs: number;
  insecure: boolean;
}

export class SseBenchUser implements IterationRunner {
  private readonly step: number;

  constructor(private readonly ctx: SseBenchContext) {
    this.step = ctx.metrics.stepIndex(SSE_STEP);
  }

  async runIteration(intendedAt: number): Promise<void> {
    const until = intendedAt + this.ctx.spec.holdMs;
    await this.hold(intendedAt, () => this.ctx.clock.now() < until, false);
    this.ctx.metrics.addIteration(intendedAt);
  }

  runLoop(more: () => boolean, now: () => number): Promise<void> {
    return this.hold(now(), more, true);
  }

  private async hold(intendedAt: number, more: () => boolean, perEvent: boolean): Promise<void> {
    const { ctx } = this;
    let lastEventId: string | undefined;
    let due = intendedAt;
    for (let attempt = 0; more(); attempt += 1) {
      if (attempt > 0) ctx.metrics.count('sse_reconnects', 1, ctx.clock.now());
      const stream = new SseStream(
        {
          url: ctx.url,
          ...(ctx.spec.headers ? { headers: ctx.spec.headers } : {}),
          ...(lastEventId ? { lastEventId } : {}),
          timeoutMs: ctx.timeoutMs,
          maxLineBytes: ctx.spec.maxLineBytes ?? DEFAULT_MAX_SSE_LINE,
          step: this.step,
          metrics: ctx.metrics,
          clock: ctx.clock,
          insecure: ctx.insecure,
          ...(perEvent ? { onEvent: (at: number) => ctx.metrics.addIteration(at) } : {}),
        },
        due,
      );
      let over = false;
      void stream.ended.then(() => {
        over = true;
      });
      while (!over && more()) await Promise.race([ctx.clock.wait(HOLD_SLICE_MS), stream.ended]);
      if (!over) stream.stop();
      const end = await stream.ended;
      lastEventId = end.lastEventId || lastEventId;
      const retryMs = end.retryMs ?? DEFAULT_RETRY_MS;
      if (!more()) break;
      await ctx.clock.wait(retryMs);
      due = ctx.clock.now();
    }
  }
}
