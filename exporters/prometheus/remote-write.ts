/**
 * `--out prometheus=URL`: pushes the run's series (metric-series.ts) to a Prometheus remote-write
 * endpoint every few seconds, encoded (protobuf + snappy) by the prometheus-remote-write package, with the
 * target's credentials, headers and TLS trust (remote-write-target.ts). A push the endpoint answers with
 * 5xx or 429, or not at all, is retried with backoff (remote-write-retry.ts). A failing endpoint never
 * stops the run: pushes go on at their interval (each carries every series' latest value, so a later one
 * makes up for a lost one), and one warning line a minute at most says what is
 * wrong — "credentials refused" for 401/403. No line carries a secret. The results file does not depend
 * on any of it.
 */
import { pushTimeseries } from 'prometheus-remote-write';
import { Agent, fetch as undiciFetch } from 'undici';
import type { LiveEvent } from '../../results/live-events.ts';
import { MetricSeries } from './metric-series.ts';
import { type AttemptAnswer, type PushOutcome, pushWithRetry, retryAfterMs } from './remote-write-retry.ts';
import { type RemoteWriteTarget, redact } from './remote-write-target.ts';

export interface PrometheusPushOptions {
  target: RemoteWriteTarget;
  /** default 5000 */
  intervalMs?: number;
  /** one line, at most one a minute */
  warn: (line: string) => void;
  /** rounds of the final push (default 1; each round retries 5xx/429 itself), a second apart */
  finalAttempts?: number;
  /** tries of one push while the endpoint answers 5xx/429 (default 3) */
  attempts?: number;
  /** wait before a push's first retry, doubled after (default 500 ms) */
  backoffMs?: number;
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
const TEXT_CHARS = 120;

/** the warning line for a push that did not get through; undefined when it did */
export function describeOutcome(outcome: PushOutcome, url: string, intervalMs: number): string | undefined {
  const goesOn = 'the run goes on and its results file is complete';
  switch (outcome.kind) {
    case 'delivered':
      return undefined;
    case 'refused':
      return `warning: Prometheus remote write to ${url}: credentials refused (HTTP ${outcome.status}); check --prometheus-user and its password, or the bearer token; ${goesOn}`;
    case 'rejected':
      return `warning: Prometheus remote write to ${url} rejected (HTTP ${outcome.status}${outcome.text ? `: ${outcome.text}` : ''}); ${goesOn}`;
    case 'failed':
      return `warning: Prometheus remote write to ${url} failed (${outcome.reason}) after ${outcome.attempts} attempts; retrying every ${Math.round(intervalMs / 1000)} s, ${goesOn}`;
  }
}

function dispatcherFor(target: RemoteWriteTarget): Agent | undefined {
  if (!target.tls.ca && !target.tls.insecure) return undefined;
  return new Agent({
    connect: {
      ...(target.tls.ca ? { ca: target.tls.ca } : {}),
      ...(target.tls.insecure ? { rejectUnauthorized: false } : {}),
    },
  });
}

type Timeseries = { labels: Record<string, string> & { __name__: string }; samples: object[] }[];

interface PostContext {
  target: RemoteWriteTarget;
  dispatcher: Agent | undefined;
  timeoutMs: number;
  now: () => number;
}

/** one request of a push: the series encoded and POSTed, the answer's status, text and Retry-After */
async function postTimeseries(timeseries: Timeseries, context: PostContext): Promise<AttemptAnswer> {
  const { target, dispatcher } = context;
  let retryAfter: number | undefined;
  const result = await pushTimeseries(timeseries as Parameters<typeof pushTimeseries>[0], {
    url: target.url,
    headers: {
      ...target.headers,
      'Content-Encoding': 'snappy',
      'X-Prometheus-Remote-Write-Version': '0.1.0',
    },
    fetch: async (url, init) => {
      const response = await undiciFetch(url, {
        method: init?.method ?? 'POST',
        headers: init?.headers ?? {},
        body: new Uint8Array(init?.body as ArrayBuffer),
        signal: AbortSignal.timeout(context.timeoutMs),
        ...(dispatcher ? { dispatcher } : {}),
      });
      retryAfter = retryAfterMs(response.headers.get('retry-after'), context.now());
      return response;
    },
  });
  const text = (result.errorMessage ?? '').trim().slice(0, TEXT_CHARS);
  return { status: result.status, text, ...(retryAfter === undefined ? {} : { retryAfterMs: retryAfter }) };
}

export function startPrometheusPush(options: PrometheusPushOptions): PrometheusPusher {
  const now = options.now ?? Date.now;
  const { target } = options;
  const intervalMs = options.intervalMs ?? 5000;
  const series = new MetricSeries();
  const dispatcher = dispatcherFor(target);
  let lastWarning = Number.NEGATIVE_INFINITY;
  let pushing: Promise<PushOutcome> = Promise.resolve({ kind: 'delivered' });

  const warn = (line: string) => {
    if (now() - lastWarning < WARN_EVERY_MS) return;
    lastWarning = now();
    options.warn(redact(line, target.secrets));
  };

  const pushOnce = async (): Promise<PushOutcome> => {
    const timestamp = now();
    const timeseries = series
      .samples()
      .map(({ labels, value }) => ({ labels, samples: [{ value, timestamp }] }));
    if (timeseries.length === 0) return { kind: 'delivered' };
    const send = { target, dispatcher, timeoutMs: options.timeoutMs ?? 5000, now };
    const outcome = await pushWithRetry(() => postTimeseries(timeseries, send), {
      attempts: options.attempts ?? 3,
      backoffMs: options.backoffMs ?? 500,
      maxBackoffMs: Math.max(500, intervalMs / 2),
    });
    const line = describeOutcome(outcome, target.url, intervalMs);
    if (line) warn(line);
    return outcome;
  };

  // one push at a time: a slow endpoint delays the next, never piles requests up
  const push = () => {
    pushing = pushing.then(pushOnce);
    return pushing;
  };
  const timer = setInterval(() => void push(), intervalMs);
  timer.unref();

  return {
    add: (event) => series.add(event),
    async close() {
      clearInterval(timer);
      const attempts = options.finalAttempts ?? 1;
      // only an endpoint that did not answer may answer later: refused credentials stay refused
      for (let tried = 1; tried <= attempts; tried += 1) {
        if ((await push()).kind !== 'failed') break;
        if (tried < attempts) await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      await dispatcher?.close();
    },
  };
}
