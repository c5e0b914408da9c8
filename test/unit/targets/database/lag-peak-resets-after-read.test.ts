import { describe, expect, it } from 'vitest';
import { PeakLag } from '../../../../targets/database/lag-monitor.ts';

describe('the peak replica lag between two reads', () => {
  it('answers the largest ms and bytes since the last read, then starts over', () => {
    const peak = new PeakLag();
    expect(peak.take()).toBeUndefined();
    peak.record(0, 0);
    peak.record(12.5, 300);
    peak.record(4, 900);
    peak.record(0, 0);
    expect(peak.take()).toEqual({ lagMs: 12.5, lagBytes: 900, samples: 4 });
    peak.record(0, 0);
    expect(peak.take()).toEqual({ lagMs: 0, lagBytes: 0, samples: 1 });
  });

  it('repeats the last sample (samples: 0) when none completed since the last read', () => {
    const peak = new PeakLag();
    peak.record(0, 0);
    peak.record(7, 40);
    peak.take();
    expect(peak.take()).toEqual({ lagMs: 7, lagBytes: 40, samples: 0 });
  });
});
