/**
 * One time base for faults and points: the fault schedule counts from the load's own offset 0 (which
 * lies after the client connected, a while after the schedule was set up), not from when it was made.
 */
import { describe, expect, it } from 'vitest';
import { scheduleFaults } from '../../../../orchestration/run/fault-schedule.ts';
import type { RunningTarget } from '../../../../targets/target.ts';

function fakeTarget(log: string[]): RunningTarget {
  return {
    experiment: 'clones',
    url: 'http://127.0.0.1:1',
    balancer: null,
    instances: () => [],
    kill: async (kind, index) => void log.push(`kill ${kind} ${index}`),
    restart: async (kind, index) => void log.push(`restart ${kind} ${index}`),
    counters: async () => ({}),
    stop: async () => {},
  };
}

describe('the fault schedule', () => {
  it('times faults and their elapsed seconds from the given start of the load', async () => {
    const log: string[] = [];
    const heard: { at: number; elapsed: number }[] = [];
    // the load's offset 0 was 3 s ago; the fault is due 1 s after a 1.5 s warm-up: already due
    const startedAt = performance.now() - 3000;
    const faults = scheduleFaults(
      fakeTarget(log),
      [{ atMs: 1000, action: 'kill', kind: 'clone', index: 0 }],
      1500,
      (event, elapsed) => heard.push({ at: event.atSeconds, elapsed }),
      startedAt,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    await faults.cancel();
    expect(log).toEqual(['kill clone 0']);
    // the elapsed time counts the whole 3 s since the load's start, warm-up included; the fault's own
    // time counts from the warm-up's end
    expect(heard).toHaveLength(1);
    expect(heard[0]!.elapsed).toBeGreaterThanOrEqual(3);
    expect(heard[0]!.elapsed - heard[0]!.at).toBeCloseTo(1.5, 6);
    expect(faults.killed()).toEqual([{ kind: 'clone', index: 0 }]);
  });
});
