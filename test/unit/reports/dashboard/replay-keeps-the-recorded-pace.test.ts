import { describe, expect, it } from 'vitest';
import { replayEvents } from '../../../../reports/dashboard/replay.ts';
import type { LiveEvent } from '../../../../results/live-events.ts';

const at = (t: number): LiveEvent => ({ type: 'warning', message: String(t), t });

describe('replaying events.ndjson', () => {
  it('waits as recorded, divided by the speed, long gaps cut to maxGapMs', async () => {
    const waits: number[] = [];
    const sent: number[] = [];
    const count = await replayEvents([at(0), at(1000), at(1500), at(61_500)], (e) => sent.push(e.t), {
      speed: 2,
      maxGapMs: 3000,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(waits).toEqual([500, 250, 3000]);
    expect(sent).toEqual([0, 1000, 1500, 61_500]);
    expect(count).toBe(4);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const sent: number[] = [];
    await replayEvents([at(0), at(10), at(20)], (e) => sent.push(e.t), {
      speed: 1,
      signal: controller.signal,
      sleep: async () => controller.abort(),
    });
    expect(sent).toEqual([0]);
  });
});
