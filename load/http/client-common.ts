/**
 * What the HTTP clients (raw, h2, undici) share: the result of a failed exchange, and the wait for the
 * connections they opened ahead of need to become ready.
 */
import { performance } from 'node:perf_hooks';
import { classifyError } from './classify-error.ts';
import { EMPTY_BODY, type HttpResult } from './types.ts';

/** The HttpResult of an exchange that got no response: status 0, the error classified. */
export function failedResult(error: unknown, sentAt: number, doneAt = performance.now()): HttpResult {
  return {
    status: 0,
    headers: {},
    body: EMPTY_BODY,
    sentAt,
    doneAt,
    errorClass: classifyError(error),
    errorMessage: error instanceof Error ? error.message : String(error),
  };
}

/**
 * HttpClient.ready: resolves once every pending connection is ready (or gone), as `whenReady` tells,
 * or after limitMs, whichever comes first.
 */
export function allReady<T>(
  pending: readonly T[],
  whenReady: (connection: T, callback: () => void) => void,
  limitMs: number,
): Promise<void> {
  if (pending.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    let left = pending.length;
    const timer = setTimeout(resolve, limitMs);
    const one = () => {
      left -= 1;
      if (left > 0) return;
      clearTimeout(timer);
      resolve();
    };
    for (const connection of pending) whenReady(connection, one);
  });
}
