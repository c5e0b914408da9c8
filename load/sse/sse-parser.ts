/**
 * The text/event-stream format (WHATWG HTML §9.2), incrementally: bytes in, events out. Lines end in
 * CRLF, LF or CR; a blank line dispatches the event; `data` lines join with LF; `id` sets the last event
 * id (kept across events, for Last-Event-ID); `retry` the reconnection delay. A line longer than the cap
 * is refused (the stream fails: sse_unterminated) instead of growing without bound.
 */

export interface SseEvent {
  type: string;
  data: string;
  /** the last event id after this event ('' when none was ever set) */
  lastEventId: string;
}

export class SseParser {
  lastEventId = '';
  /** the server's reconnection time, ms, when it sent one */
  retryMs: number | undefined;
  private pending = '';
  private type = '';
  private data: string[] = [];
  private lastWasCr = false;

  constructor(private readonly maxLineBytes: number) {}

  /** a line was started and not ended (the stream stopped mid-line) */
  get midLine(): boolean {
    return this.pending.length > 0;
  }

  /** Feeds a chunk; returns the events it completed, or null when a line grew over the cap. */
  push(chunk: string): SseEvent[] | null {
    const events: SseEvent[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i += 1) {
      const char = chunk.charCodeAt(i);
      if (char !== 10 && char !== 13) continue;
      const skip = char === 10 && this.lastWasCr && i === start && this.pending === '';
      this.lastWasCr = char === 13;
      if (skip) {
        start = i + 1;
        continue;
      }
      const line = this.pending + chunk.slice(start, i);
      this.pending = '';
      start = i + 1;
      const event = this.line(line);
      if (event) events.push(event);
    }
    if (start < chunk.length) {
      this.lastWasCr = false;
      this.pending += chunk.slice(start);
      if (this.pending.length > this.maxLineBytes) return null;
    }
    return events;
  }

  private line(line: string): SseEvent | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.type = value;
    else if (field === 'id' && !value.includes('\0')) this.lastEventId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
    return undefined;
  }

  private dispatch(): SseEvent | undefined {
    const type = this.type || 'message';
    this.type = '';
    if (this.data.length === 0) return undefined;
    const data = this.data.join('\n');
    this.data = [];
    return { type, data, lastEventId: this.lastEventId };
  }
}

/**
 * The time the server stamped on an event, ms since the epoch, when its data is JSON with a numeric
 * `ts`, `timestamp` or `time` field (seconds are recognised by size); undefined otherwise.
 */
export function serverTimestamp(data: string): number | undefined {
  if (!data.startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return undefined;
  }
  const record = parsed as Record<string, unknown>;
  const value = record['ts'] ?? record['timestamp'] ?? record['time'];
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return value < 1e11 ? value * 1000 : value;
}
