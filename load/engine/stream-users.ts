/**
 * The virtual users of a WebSocket or Server-Sent Events bench (the plan's websocket / sse): they
 * hold long-lived streams of their own and use no HTTP client. Null for an HTTP load.
 */

import type { LoadPlan } from '../../load-model/plan/load-plan.ts';
import { SseBenchUser } from '../sse/sse-bench-user.ts';
import { SendTicker } from '../ws/send-ticker.ts';
import { WsBenchUser } from '../ws/ws-bench-user.ts';
import type { Clock } from './clock.ts';
import type { MetricsAccumulator } from './metrics.ts';
import type { VuFactory } from './vu-pool.ts';

export function streamUserFactory(
  options: LoadPlan,
  metrics: MetricsAccumulator,
  clock: Clock,
): VuFactory | null {
  const { timeoutMs } = options;
  const insecure = options.tls?.insecure === true;
  const websocket = options.websocket;
  if (websocket) {
    const ticker = new SendTicker(clock);
    const ctx = { url: options.baseUrl, spec: websocket, metrics, clock, timeoutMs, insecure, ticker };
    return (id) => new WsBenchUser(ctx, id);
  }
  const sse = options.sse;
  if (sse) {
    const ctx = { url: options.baseUrl, spec: sse, metrics, clock, timeoutMs, insecure };
    return () => new SseBenchUser(ctx);
  }
  return null;
}

/** the load holds streams of its own (no HTTP client to build) */
export function isStreamLoad(options: LoadPlan): boolean {
  return options.websocket !== undefined || options.sse !== undefined;
}
