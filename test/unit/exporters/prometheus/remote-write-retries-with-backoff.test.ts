/**
 * One push retried while the endpoint says "later" (5xx, 429, no answer), with doubling waits and
 * Retry-After honoured up to the cap; 401/403 are "refused" at once and another 4xx is not retried. The
 * warning for each outcome says what happened: "credentials refused" for a refusal, never "unreachable".
 */
import { describe, expect, it } from 'vitest';
import { describeOutcome } from '../../../../exporters/prometheus/remote-write.ts';
import {
  type AttemptAnswer,
  pushWithRetry,
  retryAfterMs,
} from '../../../../exporters/prometheus/remote-write-retry.ts';

function script(answers: (AttemptAnswer | Error)[]) {
  const calls: number[] = [];
  let index = 0;
  return {
    calls,
    attempt: async (): Promise<AttemptAnswer> => {
      calls.push(index);
      const answer = answers[Math.min(index, answers.length - 1)]!;
      index += 1;
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
}

describe('remote write retries', () => {
  it('retries 503 and 429 with doubling waits until delivered', async () => {
    const waits: number[] = [];
    const { attempt, calls } = script([
      { status: 503, text: 'busy' },
      { status: 429, text: '' },
      { status: 204, text: '' },
    ]);
    const outcome = await pushWithRetry(attempt, {
      attempts: 4,
      backoffMs: 100,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(outcome).toEqual({ kind: 'delivered' });
    expect(calls).toHaveLength(3);
    expect(waits).toEqual([100, 200]);
  });

  it('honours Retry-After up to the cap', async () => {
    const waits: number[] = [];
    const { attempt } = script([
      { status: 429, text: '', retryAfterMs: 2000 },
      { status: 429, text: '', retryAfterMs: 60_000 },
      { status: 200, text: '' },
    ]);
    await pushWithRetry(attempt, {
      attempts: 3,
      backoffMs: 100,
      maxBackoffMs: 5000,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(waits).toEqual([2000, 5000]);
  });

  it('gives up after its attempts with the last reason, network errors included', async () => {
    const waits: number[] = [];
    const { attempt, calls } = script([
      { status: 502, text: 'bad gateway' },
      new Error('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') }),
    ]);
    const outcome = await pushWithRetry(attempt, {
      attempts: 3,
      backoffMs: 10,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(calls).toHaveLength(3);
    expect(waits).toEqual([10, 20]);
    expect(outcome).toEqual({
      kind: 'failed',
      attempts: 3,
      reason: 'fetch failed: connect ECONNREFUSED 127.0.0.1:9',
    });
  });

  it('401 and 403 are refused at the first answer, and the warning says credentials refused', async () => {
    for (const status of [401, 403]) {
      const { attempt, calls } = script([{ status, text: '<html>401</html>' }]);
      const outcome = await pushWithRetry(attempt, { sleep: async () => {} });
      expect(outcome).toEqual({ kind: 'refused', status });
      expect(calls).toHaveLength(1);
      const line = describeOutcome(outcome, 'https://mimir.test/api/v1/push', 5000)!;
      expect(line).toContain(`credentials refused (HTTP ${status})`);
      expect(line).not.toMatch(/unreachable|<html>/);
    }
  });

  it('another 4xx is rejected without retrying', async () => {
    const { attempt, calls } = script([{ status: 400, text: 'out of order sample' }]);
    const outcome = await pushWithRetry(attempt, { sleep: async () => {} });
    expect(outcome).toEqual({ kind: 'rejected', status: 400, text: 'out of order sample' });
    expect(calls).toHaveLength(1);
    expect(describeOutcome(outcome, 'http://x/', 5000)).toContain('rejected (HTTP 400: out of order sample)');
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('3', 0)).toBe(3000);
    expect(retryAfterMs(null, 0)).toBeUndefined();
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:07 GMT', now)).toBe(7000);
  });
});
