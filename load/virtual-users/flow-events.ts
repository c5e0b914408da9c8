/**
 * vu.sse(name, …): open an event stream on the run's origin, wait for the first event that matches,
 * close it. The stream's opening is a request of step `name`; its events count as bench --sse counts them.
 */
import type { CookieJar } from '../../load-model/flows/cookie-jar.ts';
import type { FlowEvent, SseWaitResult } from '../../load-model/flows/types.ts';
import type { Clock } from '../engine/clock.ts';
import type { MetricsAccumulator } from '../engine/metrics.ts';
import { DEFAULT_MAX_SSE_LINE } from '../sse/sse-bench-user.ts';
import { SseStream } from '../sse/sse-stream.ts';
import { fillTemplate, openingHeaders } from './template.ts';

export interface FlowEventsContext {
  baseUrl: string;
  metrics: MetricsAccumulator;
  clock: Clock;
  timeoutMs: number;
  insecure: boolean;
  cookies: CookieJar;
  vars: Record<string, unknown>;
  intendedAt: number;
}

export async function waitForEvent(
  name: string,
  options: { path: string; headers?: Record<string, string> },
  match: (event: FlowEvent) => boolean,
  timeoutMs: number,
  ctx: FlowEventsContext,
): Promise<SseWaitResult> {
  const headers = openingHeaders(options.headers, ctx.vars, ctx.cookies.header());
  let found: FlowEvent | undefined;
  let resolveFound: () => void = () => {};
  const matched = new Promise<void>((resolve) => {
    resolveFound = resolve;
  });
  const stream = new SseStream(
    {
      url: new URL(fillTemplate(options.path, ctx.vars, true), ctx.baseUrl).href,
      headers,
      timeoutMs: ctx.timeoutMs,
      maxLineBytes: DEFAULT_MAX_SSE_LINE,
      step: ctx.metrics.stepIndex(name),
      metrics: ctx.metrics,
      clock: ctx.clock,
      insecure: ctx.insecure,
      onEvent: (_at, event) => {
        if (found !== undefined || !safeMatch(match, event)) return;
        found = event;
        resolveFound();
      },
    },
    ctx.intendedAt,
  );
  let timer: NodeJS.Timeout | undefined;
  const end = await Promise.race([
    matched.then(() => undefined),
    stream.ended,
    new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  if (found === undefined && end === undefined) stream.stop();
  else if (found !== undefined) stream.stop();
  return { event: found, errorClass: found === undefined ? (end?.errorClass ?? 'timeout') : undefined };
}

function safeMatch(match: (event: FlowEvent) => boolean, event: FlowEvent): boolean {
  try {
    return match(event) === true;
  } catch {
    return false;
  }
}
