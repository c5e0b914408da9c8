/**
 * The one place a run's live events go: the progress lines, the dashboard, events.ndjson and the
 * Prometheus pusher each subscribe. Events are few (a handful per second: the engine aggregates per
 * second before anything reaches here), so the generator's hot path never sees the bus.
 */
import type { LiveEvent, LiveEventBody } from '../../results/live-events.ts';

export type LiveListener = (event: LiveEvent) => void;

export interface EventBus {
  /** stamps the record with the ms since the bus started and hands it to every subscriber, in order */
  publish(body: LiveEventBody): void;
  /** hands on a record stamped already (a replay of events.ndjson keeps its recorded times) */
  forward(event: LiveEvent): void;
  /** returns the function that unsubscribes */
  subscribe(listener: LiveListener): () => void;
}

/** `now` is injectable for tests (default performance.now()). */
export function createEventBus(now: () => number = () => performance.now()): EventBus {
  const started = now();
  const listeners = new Set<LiveListener>();
  const forward = (event: LiveEvent) => {
    for (const listener of listeners) listener(event);
  };
  return {
    publish: (body) => forward({ ...body, t: Math.round(now() - started) } as LiveEvent),
    forward,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
