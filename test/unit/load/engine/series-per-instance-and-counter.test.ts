import { describe, expect, it } from 'vitest';
import { mergeSecond } from '../../../../load/engine/merge-reports.ts';
import { SecondBuckets } from '../../../../load/engine/second-buckets.ts';

describe('the per-second series', () => {
  it('counts responses per instance (x-served-by) and flow counters per second', () => {
    const buckets = new SecondBuckets(0, false, () => {});
    buckets.add(100, 1, undefined, true, 'clone-0');
    buckets.add(200, 1, undefined, true, 'clone-1');
    buckets.add(300, 1, undefined, true, 'clone-0');
    buckets.count(400, 'sessionsLost', 1);
    buckets.add(1100, 1, 'status_5xx', true, undefined);
    buckets.add(1200, 1, undefined, true, 'clone-1');
    buckets.flush();
    expect(buckets.points.map((point) => [point.servedBy, point.counters])).toEqual([
      [{ 'clone-0': 2, 'clone-1': 1 }, { sessionsLost: 1 }],
      [{ 'clone-1': 1 }, undefined],
    ]);
  });

  it('sums both over threads when seconds merge', () => {
    const base = { second: 0, warmup: false, requests: 1, errors: 0, p50: 1, p99: 1 };
    const merged = mergeSecond(0, [
      { ...base, servedBy: { 'clone-0': 1 }, counters: { staleReads: 2 } },
      { ...base, servedBy: { 'clone-0': 2, 'clone-1': 1 } },
    ]);
    expect(merged.servedBy).toEqual({ 'clone-0': 3, 'clone-1': 1 });
    expect(merged.counters).toEqual({ staleReads: 2 });
  });
});
