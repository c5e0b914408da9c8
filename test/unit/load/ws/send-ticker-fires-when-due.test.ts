/**
 * The WebSocket send ticker fires each paced sender at its due time, never before, in time order; a
 * sender due sooner than the pending wake gets a wake of its own; a wake that comes early fires
 * nothing; and thousands due at once go out in bursts with the event loop served in between.
 */
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../../load/engine/clock.ts';
import { MAX_FIRE_BURST, type PacedSender, SendTicker } from '../../../../load/ws/send-ticker.ts';
import { simulatedClock } from '../../../helpers/simulated-clock.ts';

interface Fired {
  id: string;
  due: number;
  at: number;
}

/** a sender due at first, first + interval, … that stops after `count` sends */
function every(clock: Clock, log: Fired[], id: string, first: number, interval: number, count: number) {
  let sent = 0;
  const sender: PacedSender & { due: number } = {
    due: first,
    fire() {
      if (sent === count) return false;
      log.push({ id, due: sender.due, at: clock.now() });
      sent += 1;
      sender.due += interval;
      return true;
    },
  };
  return sender;
}

/** resolves once the simulated time has passed `at` and every timer before it ran */
async function until(clock: Clock, at: number): Promise<void> {
  while (clock.now() < at) await clock.wait(at - clock.now());
}

describe('send ticker', () => {
  it('fires every sender at its due times, in time order, none early', async () => {
    const clock = simulatedClock();
    const ticker = new SendTicker(clock);
    const log: Fired[] = [];
    ticker.add(every(clock, log, 'a', 0, 10, 5));
    ticker.add(every(clock, log, 'b', 2.5, 10, 5));
    ticker.add(every(clock, log, 'c', 7, 25, 2));
    await until(clock, 100);
    expect(log.map((fire) => `${fire.id}@${fire.at}`).join(' ')).toBe(
      'a@0 b@2.5 c@7 a@10 b@12.5 a@20 b@22.5 a@30 c@32 b@32.5 a@40 b@42.5',
    );
    for (const fire of log) expect(fire.at).toBeGreaterThanOrEqual(fire.due);
    expect(ticker.size).toBe(0);
  });

  it('wakes for a sender due sooner than the wake it was sleeping toward', async () => {
    const clock = simulatedClock();
    const ticker = new SendTicker(clock);
    const log: Fired[] = [];
    ticker.add(every(clock, log, 'late', 1000, 1000, 1));
    await until(clock, 5);
    ticker.add(every(clock, log, 'soon', 10, 1000, 1));
    await until(clock, 2000);
    expect(log.map((fire) => `${fire.id}@${fire.at}`)).toEqual(['soon@10', 'late@1000']);
  });

  it('fires nothing when its timer wakes it before the due time, then fires on time', async () => {
    const clock = simulatedClock();
    // timers that count whole milliseconds from a stale time come back a little early (not from 1 ms on)
    const early: Clock = { ...clock, sleep: (ms) => clock.wait(ms > 1 ? ms - 0.4 : ms) };
    const ticker = new SendTicker(early);
    const log: Fired[] = [];
    ticker.add(every(early, log, 'a', 5, 3, 3));
    await until(clock, 20);
    expect(log.map((fire) => fire.at)).toEqual([5, 8, 11]);
  });

  it('sends thousands due at once in bursts, serving the event loop in between', async () => {
    const clock = simulatedClock();
    const ticker = new SendTicker(clock);
    const log: Fired[] = [];
    for (let i = 0; i < 600; i += 1) ticker.add(every(clock, log, `s${i}`, 0, 1000, 1));
    const firedWhenOthersRan: number[] = [];
    const other = (async () => {
      for (let turn = 0; turn < 3; turn += 1) {
        await clock.wait(0);
        firedWhenOthersRan.push(log.length);
      }
    })();
    await other;
    await until(clock, 10);
    expect(firedWhenOthersRan).toEqual([MAX_FIRE_BURST, 2 * MAX_FIRE_BURST, 600]);
    expect(log).toHaveLength(600);
  });
});
