/**
 * One push, retried with backoff while the endpoint says "later" (5xx, 429, or no answer at all), and
 * what it came to: delivered, refused (401/403: the credentials), rejected (another 4xx: no retry helps)
 * or failed after its attempts. Pure control flow: the request and the sleep are passed in.
 */

export interface AttemptAnswer {
  status: number;
  /** the response body's first characters, for the warning */
  text: string;
  /** Retry-After in ms, where the endpoint sent one */
  retryAfterMs?: number;
}

export type PushOutcome =
  | { kind: 'delivered' }
  | { kind: 'refused'; status: number }
  | { kind: 'rejected'; status: number; text: string }
  | { kind: 'failed'; attempts: number; reason: string };

export interface RetryPolicy {
  /** tries in all, the first included (default 3) */
  attempts?: number;
  /** wait before the first retry, doubled each time after (default 500 ms) */
  backoffMs?: number;
  /** no wait is longer, Retry-After included (default 5000 ms) */
  maxBackoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export function isRetryable(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Retry-After as seconds or an HTTP date → ms from `now`; undefined when absent or unreadable */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function pushWithRetry(
  attempt: () => Promise<AttemptAnswer>,
  policy: RetryPolicy = {},
): Promise<PushOutcome> {
  const attempts = policy.attempts ?? 3;
  const maxBackoff = policy.maxBackoffMs ?? 5000;
  const sleep = policy.sleep ?? defaultSleep;
  let backoff = policy.backoffMs ?? 500;
  let reason = '';
  for (let tried = 1; tried <= attempts; tried += 1) {
    let wait = backoff;
    try {
      const answer = await attempt();
      if (answer.status >= 200 && answer.status < 300) return { kind: 'delivered' };
      if (answer.status === 401 || answer.status === 403) return { kind: 'refused', status: answer.status };
      if (!isRetryable(answer.status)) return { kind: 'rejected', status: answer.status, text: answer.text };
      reason = `HTTP ${answer.status}${answer.text ? `: ${answer.text}` : ''}`;
      if (answer.retryAfterMs !== undefined) wait = answer.retryAfterMs;
    } catch (error: unknown) {
      reason = describeError(error);
    }
    if (tried < attempts) await sleep(Math.min(wait, maxBackoff));
    backoff *= 2;
  }
  return { kind: 'failed', attempts, reason };
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${message}${cause}`;
}
