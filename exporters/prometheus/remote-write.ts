/**
 * `--out prometheus=URL`: pushes the run's series (metric-series.ts) to a Prometheus remote-write
 * endpoint every few seconds, encoded (protobuf + snappy) by the prometheus-remote-write package. A
 * failing endpoint never stops the run: pushes go on at their interval (each carries every series' latest
 * value, so a later one makes up for a lost one), the last is retried, and one warning line a minute at
 * most says what is wrong. The results file does not depend on any of it.
 */
import { pushTimeseries } from 'prometheus-remote-write';
import type { LiveEvent } from '../../results/live-events.ts';
import { MetricSeries } from './metric-series.ts';

export interface PrometheusPushOptions {
  url: string;
  /** default 5000 */
  intervalMs?: number;
  /** one line, at most one a minute */
  warn: (line: string) => void;
  /** attempts of the final push (default 3), a second apart */
  finalAttempts?: number;
  /** per request (default 5000) */
  timeoutMs?: number;
  /** wall clock for sample timestamps and the warning rate (default Date.now) */
  now?: () => number;
}

export interface PrometheusPusher {
  add(event: LiveEvent): void;
  /** pushes the final values (retried) and stops; never throws */
  close(): Promise<void>;
}

const WARN_EVERY_MS = 60_000;

export function startPrometheusPush(options: PrometheusPushOptions): PrometheusPusher {
  const now = options.now ?? Date.now;
  const series = new MetricSeries();
  let lastWarning = Number.NEGATIVE_INFINITY;
  let pushing: Promise<boolean> = Promise.resolve(true);

  const warn = (reason: string) => {
    if (now() - lastWarning < WARN_EVERY_MS) return;
    lastWarning = now();
    options.warn(
      `warning: Prometheus remote write to ${options.url} failed (${reason}); retrying every ${Math.round((options.intervalMs ?? 5000) / 1000)} s, the run goes on and its results file is complete`,
    );
  };

  const pushOnce = async (): Promise<boolean> => {
    const timestamp = now();
    const timeseries = series
      .samples()
      .map(({ labels, value }) => ({ labels, samples: [{ value, timestamp }] }));
    if (timeseries.length === 0) return true;
    try {
      const result = await pushTimeseries(timeseries, {
        url: options.url,
        headers: { 'Content-Encoding': 'snappy', 'X-Prometheus-Remote-Write-Version': '0.1.0' },
        fetch: (url, init) =>
          fetch(url, {
            ...init,
            body: init?.body as NonNullable<RequestInit['body']>,
            signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
          }),
      });
      if (result.status >= 200 && result.status < 300) return true;
      warn(
        `HTTP ${result.status}${result.errorMessage ? `: ${result.errorMessage.trim().slice(0, 120)}` : ''}`,
      );
    } catch (error: unknown) {
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      warn(`${error instanceof Error ? error.message : String(error)}${cause}`);
    }
    return false;
  };

  // one push at a time: a slow endpoint delays the next, never piles requests up
  const push = () => {
    pushing = pushing.then(pushOnce);
    return pushing;
  };
  const timer = setInterval(() => void push(), options.intervalMs ?? 5000);
  timer.unref();

  return {
    add: (event) => series.add(event),
    async close() {
      clearInterval(timer);
      const attempts = options.finalAttempts ?? 3;
      for (let attempt = 1; attempt <= attempts; attempt += 1) {
        if (await push()) return;
        if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    },
  };
}
