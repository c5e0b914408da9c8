/**
 * Replays a recorded events.ndjson into the dashboard at the pace it was recorded (or `speed` times
 * faster), so a workshop can show yesterday's run to the room without load. A long quiet stretch (a
 * database being seeded) is shortened to `maxGapMs`.
 */
import type { LiveEvent } from '../../results/live-events.ts';

export interface ReplayOptions {
  /** 1: as recorded; 10: ten times faster */
  speed: number;
  /** the longest wait between two records, after speed-up (default 3000) */
  maxGapMs?: number;
  signal?: AbortSignal;
  /** injectable for tests */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Sends every record in order; returns how many were sent (fewer when aborted). */
export async function replayEvents(
  events: readonly LiveEvent[],
  send: (event: LiveEvent) => void,
  options: ReplayOptions,
): Promise<number> {
  const sleep = options.sleep ?? defaultSleep;
  const maxGap = options.maxGapMs ?? 3000;
  let previous = events[0]?.t ?? 0;
  let sent = 0;
  for (const event of events) {
    const wait = Math.min(maxGap, Math.max(0, (event.t - previous) / options.speed));
    previous = event.t;
    if (wait > 0) await sleep(wait, options.signal);
    if (options.signal?.aborted) break;
    send(event);
    sent += 1;
  }
  return sent;
}
