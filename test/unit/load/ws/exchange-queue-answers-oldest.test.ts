/**
 * A bench socket's exchanges: a matching message answers the oldest, recorded from when it was due
 * (response and ws_reply) and from the send (service); other messages answer nothing; an exchange past
 * the timeout fails in ws_reply_timeout, by its timer or ahead of the next message; what is pending at
 * the end of the session fails in the session's class; order survives the rings growing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createManualClock } from '../../../../load/engine/manual-clock.ts';
import { MetricsAccumulator } from '../../../../load/engine/metrics.ts';
import { ExchangeQueue } from '../../../../load/ws/exchange-queue.ts';
import { percentileMs } from '../../../../results/histogram.ts';

const ECHO = Buffer.from('hello');

function setup(timeoutMs = 1000) {
  const clock = createManualClock(0);
  const metrics = new MetricsAccumulator({ startAt: 0, warmupMs: 0 });
  const step = metrics.stepIndex('ws');
  const queue = new ExchangeQueue({
    match: (data, binary) => !binary && data.equals(ECHO),
    metrics,
    clock,
    step,
    timeoutMs,
  });
  return { clock, metrics, queue };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('exchange queue', () => {
  it('answers the oldest exchange with a matching message, timed from its due time', () => {
    const { metrics, queue } = setup();
    queue.push(10, 12);
    queue.push(20, 20.5);
    expect(queue.answer(Buffer.from('other'), false, 25)).toBe(false);
    expect(queue.answer(ECHO, true, 25)).toBe(false);
    expect(queue.answer(ECHO, false, 30)).toBe(true);
    expect(queue.pending).toBe(1);
    const data = metrics.close();
    expect(data.requests).toBe(1);
    expect(data.errors).toBe(0);
    expect(percentileMs(data.trends['ws_reply']!, 100)).toBeCloseTo(20, 1);
    expect(percentileMs(data.response, 100)).toBeCloseTo(20, 1);
    expect(percentileMs(data.service, 100)).toBeCloseTo(18, 1);
    expect(percentileMs(data.scheduleLag, 100)).toBeCloseTo(2, 1);
    queue.failAll('ws_close_error', 31);
  });

  it('fails an exchange past its timeout before the next message can answer it', () => {
    const { metrics, queue } = setup(100);
    queue.push(0, 0);
    queue.push(90, 90);
    expect(queue.answer(ECHO, false, 150)).toBe(true);
    expect(queue.pending).toBe(0);
    const data = metrics.close();
    expect(data.requests).toBe(2);
    expect(data.errorsByClass).toEqual({ ws_reply_timeout: 1 });
    expect(percentileMs(data.trends['ws_reply']!, 0)).toBeCloseTo(60, 1);
    expect(percentileMs(data.trends['ws_reply']!, 100)).toBeCloseTo(150, 0);
  });

  it('fails an unanswered exchange by its timer when no message comes', () => {
    vi.useFakeTimers();
    const { clock, metrics, queue } = setup(100);
    queue.push(0, 0);
    clock.advance(100);
    vi.advanceTimersByTime(100);
    expect(queue.pending).toBe(0);
    expect(metrics.close().errorsByClass).toEqual({ ws_reply_timeout: 1 });
  });

  it('fails what is pending when the session ends, in its class, and then counts as drained', async () => {
    const { metrics, queue } = setup();
    queue.push(0, 0);
    queue.push(10, 10);
    const drained = queue.whenDrained();
    expect(queue.failAll('ws_abnormal_close', 15)).toBe(2);
    await drained;
    const data = metrics.close();
    expect(data.requests).toBe(2);
    expect(data.errorsByClass).toEqual({ ws_abnormal_close: 2 });
  });

  it('keeps the oldest first while its rings grow', () => {
    const { metrics, queue } = setup(1e6);
    queue.push(0, 0);
    expect(queue.answer(ECHO, false, 5)).toBe(true);
    for (let i = 1; i <= 100; i += 1) queue.push(i * 10, i * 10);
    for (let i = 1; i <= 100; i += 1) expect(queue.answer(ECHO, false, i * 10 + 5)).toBe(true);
    const reply = metrics.close().trends['ws_reply']!;
    expect(reply.totalCount).toBe(101);
    expect(percentileMs(reply, 0)).toBeCloseTo(5, 2);
    expect(percentileMs(reply, 100)).toBeCloseTo(5, 2);
  });
});
