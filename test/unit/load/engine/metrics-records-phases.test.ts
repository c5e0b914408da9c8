import { describe, expect, it } from 'vitest';
import { MetricsAccumulator } from '../../../../load/engine/metrics.ts';

describe('MetricsAccumulator request phases', () => {
  it('records measured responses only; a reused connection counts 0 for connect and handshake', () => {
    const metrics = new MetricsAccumulator({ startAt: 0, warmupMs: 100 });
    // warm-up: left out
    metrics.addPhases(50, { connecting: 5, tlsHandshaking: 9, waiting: 1, receiving: 1 });
    // a fresh connection, then three reused ones
    metrics.addPhases(100, { connecting: 2, tlsHandshaking: 4, waiting: 3, receiving: 0.5 });
    for (const waiting of [1, 2, 3])
      metrics.addPhases(200, { connecting: 0, tlsHandshaking: 0, waiting, receiving: 0 });
    // a failure has no phases
    metrics.addPhases(300, {});
    metrics.seal();
    const phases = metrics.close().phases!;
    expect(phases.connecting.totalCount).toBe(4);
    expect(phases.connecting.getValueAtPercentile(50)).toBe(0);
    expect(phases.connecting.maxValue).toBe(2000);
    expect(phases.tlsHandshaking.totalCount).toBe(4);
    expect(phases.tlsHandshaking.maxValue).toBe(4000);
    expect(phases.waiting.totalCount).toBe(4);
    expect(phases.waiting.minNonZeroValue).toBe(1000);
    expect(phases.receiving.totalCount).toBe(4);
  });

  it('has no phases when no client measured any', () => {
    const metrics = new MetricsAccumulator({ startAt: 0, warmupMs: 0 });
    metrics.addPhases(10, {});
    expect(metrics.close().phases).toBeNull();
  });
});
