import { describe, expect, it } from 'vitest';
import { MetricsAccumulator } from '../../../../load/engine/metrics.ts';
import type { SecondPoint } from '../../../../load/engine/second-buckets.ts';

describe('MetricsAccumulator summary and per-second series', () => {
  it('summarizes every measured response once, keeps warm-up ones only in the series', () => {
    const points: SecondPoint[] = [];
    const metrics = new MetricsAccumulator({ startAt: 0, warmupMs: 1000, onSecond: (p) => points.push(p) });
    // warm-up requests (intended before 1000 ms), some completing in second 1
    metrics.addRequest(metrics.stepIndex('r'), 100, 100, 105, undefined, undefined);
    metrics.addRequest(metrics.stepIndex('r'), 990, 990, 1100, undefined, undefined);
    // measured requests over seconds 1 and 2
    for (let i = 0; i < 10; i += 1) {
      const intendedAt = 1000 + i * 150;
      metrics.addRequest(metrics.stepIndex('r'), intendedAt, intendedAt, intendedAt + 2 + i, undefined, 's');
    }
    metrics.tick(1500); // finalizes second 0 only
    metrics.seal();
    const data = metrics.close();
    expect(data.requests).toBe(10);
    expect(data.response.totalCount).toBe(10);
    expect(data.response.minNonZeroValue).toBe(2000);
    expect(data.response.maxValue).toBe(11_000);
    expect(data.servedBy).toEqual({ s: 10 });
    expect(points.map((p) => [p.second, p.requests, p.warmup])).toEqual([
      [0, 1, true],
      [1, 8, false],
      [2, 3, false],
    ]);
    // second 1 holds the 110 ms warm-up response beside the measured ones
    expect(points[1]!.p99).toBeCloseTo(110, 0);
  });
});
