/**
 * Discrete-event time for engine tests: wait(ms) and sleep(ms) wake at now + ms, in order of that time
 * (then of asking), one timer per event-loop turn; time jumps to the next timer only when nothing else
 * can run, so code under test sees exactly the times it asked for and no real waiting happens.
 */
import type { Clock } from '../../load/engine/clock.ts';

export function simulatedClock(start = 0): Clock {
  let now = start;
  let sequence = 0;
  const timers: { at: number; seq: number; wake: () => void }[] = [];
  let driving = false;
  const drive = () => {
    if (timers.length === 0) {
      driving = false;
      return;
    }
    timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = timers.shift()!;
    now = Math.max(now, next.at);
    next.wake();
    setImmediate(drive);
  };
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      timers.push({ at: now + Math.max(0, ms), seq: sequence++, wake: resolve });
      if (!driving) {
        driving = true;
        setImmediate(drive);
      }
    });
  return { now: () => now, wait, sleep: wait };
}
