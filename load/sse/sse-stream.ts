/**
 * One held event stream: GET with Accept: text/event-stream (and Last-Event-ID after the first), its
 * response headers recorded as a request of the step (response time from when the stream was due),
 * every event counted (sse_events, an iteration each in a closed-model bench), the first one timed
 * (sse_first_event) and, when the server stamped it, its delivery latency (sse_event_latency). A stream
 * that is no event stream or whose line overruns the cap fails in its own class.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ErrorClass } from '../../results/schema.ts';
import type { Clock } from '../engine/clock.ts';
import type { MetricsAccumulator } from '../engine/metrics.ts';
import { classifyError, classifyStatus } from '../http/classify-error.ts';
import { type SseEvent, SseParser, serverTimestamp } from './sse-parser.ts';

export interface SseStreamOptions {
  url: string;
  headers?: Record<string, string>;
  lastEventId?: string;
  timeoutMs: number;
  maxLineBytes: number;
  step: number;
  metrics: MetricsAccumulator;
  clock: Clock;
  insecure: boolean;
  /** each event as it arrives (the bench counts it as an iteration; vu.sse matches it) */
  onEvent?: (at: number, event: SseEvent) => void;
}

/** How a stream ended: by the server (reconnect), by us, or failed in a class. */
export interface SseEnd {
  errorClass: ErrorClass | undefined;
  lastEventId: string;
  retryMs: number | undefined;
}

export class SseStream {
  readonly ended: Promise<SseEnd>;
  private readonly parser: SseParser;
  private finish: (errorClass: ErrorClass | undefined) => void = () => {};
  private stopped = false;
  private destroy: () => void = () => {};

  constructor(
    private readonly options: SseStreamOptions,
    intendedAt: number,
  ) {
    this.parser = new SseParser(options.maxLineBytes);
    if (options.lastEventId) this.parser.lastEventId = options.lastEventId;
    this.ended = new Promise((resolve) => {
      let done = false;
      this.finish = (errorClass) => {
        if (done) return;
        done = true;
        resolve({ errorClass, lastEventId: this.parser.lastEventId, retryMs: this.parser.retryMs });
      };
    });
    this.start(intendedAt);
  }

  /** Ends the stream from our side (the hold is over); a line cut off mid-way still fails it. */
  stop(): void {
    this.stopped = true;
    this.destroy();
  }

  private start(intendedAt: number): void {
    const { options } = this;
    const { metrics, clock } = options;
    const sentAt = clock.now();
    metrics.count('sse_streams', 1, Math.max(sentAt, metrics.measuredFrom));
    const url = new URL(options.url);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers: Record<string, string> = {
      accept: 'text/event-stream',
      'cache-control': 'no-cache',
      ...options.headers,
      ...(options.lastEventId ? { 'last-event-id': options.lastEventId } : {}),
    };
    const request = send(url, { headers, ...(options.insecure ? { rejectUnauthorized: false } : {}) });
    let responded = false;
    const fail = (errorClass: ErrorClass, asRequest: boolean) => {
      const now = clock.now();
      if (asRequest) metrics.addRequest(options.step, intendedAt, sentAt, now, errorClass, undefined);
      else metrics.addFailure(options.step, now, errorClass);
      this.finish(errorClass);
      request.destroy();
    };
    this.destroy = () => request.destroy();
    const timer = setTimeout(() => fail('timeout', true), options.timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      if (this.stopped) return this.finish(this.parser.midLine ? 'sse_unterminated' : undefined);
      fail(classifyError(error), !responded);
    });
    request.on('response', (response) => {
      responded = true;
      clearTimeout(timer);
      const status = response.statusCode ?? 0;
      const type = String(response.headers['content-type'] ?? '');
      if (status !== 200 || !type.startsWith('text/event-stream')) {
        response.resume();
        return fail(classifyStatus(status) ?? 'sse_not_stream', true);
      }
      metrics.addRequest(options.step, intendedAt, sentAt, clock.now(), undefined, undefined);
      this.read(response, sentAt);
    });
    request.end();
  }

  private read(response: IncomingMessage, sentAt: number): void {
    const { metrics, clock, onEvent } = this.options;
    let first = true;
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      const events = this.parser.push(chunk);
      const now = clock.now();
      if (events === null) {
        metrics.addFailure(this.options.step, now, 'sse_unterminated');
        this.finish('sse_unterminated');
        response.destroy();
        return;
      }
      for (const event of events) {
        metrics.count('sse_events', 1, now);
        if (first) metrics.trend('sse_first_event', now - sentAt, Math.max(sentAt, metrics.measuredFrom));
        first = false;
        const stamped = serverTimestamp(event.data);
        if (stamped !== undefined) metrics.trend('sse_event_latency', Math.max(0, Date.now() - stamped), now);
        onEvent?.(now, event);
      }
    });
    let over = false;
    const ended = () => {
      if (over) return;
      over = true;
      const cutOff = this.parser.midLine;
      if (cutOff) metrics.addFailure(this.options.step, clock.now(), 'sse_unterminated');
      this.finish(cutOff ? 'sse_unterminated' : undefined);
    };
    response.on('end', ended);
    response.on('close', ended);
    response.on('error', () => {});
  }
}
