import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../../orchestration/live/event-bus.ts';
import type { LiveEvent } from '../../../../results/live-events.ts';

describe('the live event bus', () => {
  it('stamps each record with the ms since it started and hands it to every subscriber in order', () => {
    let now = 1000;
    const bus = createEventBus(() => now);
    const first: LiveEvent[] = [];
    const second: string[] = [];
    bus.subscribe((event) => first.push(event));
    const stop = bus.subscribe((event) => second.push(event.type));
    now = 1250.4;
    bus.publish({ type: 'warning', message: 'a' });
    stop();
    now = 2000;
    bus.publish({ type: 'run-done', complete: true });
    expect(first).toEqual([
      { type: 'warning', message: 'a', t: 250 },
      { type: 'run-done', complete: true, t: 1000 },
    ]);
    expect(second).toEqual(['warning']);
  });

  it('forwards a recorded event with its own time (replay)', () => {
    const bus = createEventBus(() => 0);
    const seen: LiveEvent[] = [];
    bus.subscribe((event) => seen.push(event));
    bus.forward({ type: 'warning', message: 'old', t: 123_456 });
    expect(seen).toEqual([{ type: 'warning', message: 'old', t: 123_456 }]);
  });
});
