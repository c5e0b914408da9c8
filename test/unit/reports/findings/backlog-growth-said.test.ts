import { describe, expect, it } from 'vitest';
import { backlogWarnings, growthPerSecond } from '../../../../reports/findings/backlog.ts';
import type { ExperimentView, VariantView } from '../../../../reports/model/views.ts';

const variant = (name: string, queueDepth: number[]) =>
  ({
    name,
    extraSeries: { queueDepth },
    load: { rate: 12, derivation: 'fixed', capacity: null, share: null },
  }) as unknown as VariantView;
const experiment = (...variants: VariantView[]) => ({ name: 'async', variants }) as ExperimentView;

describe("a queue's backlog", () => {
  it('grows by the least-squares slope of its samples', () => {
    expect(growthPerSecond([0, 2, 4, 6, 8])).toBeCloseTo(2, 6);
    expect(growthPerSecond([3, 1, 3, 1, 3])).toBeCloseTo(0, 6);
    expect(growthPerSecond([5])).toBe(0);
  });

  it('is said when the workers fall behind, as in the default run at 12/s (depth 67)', () => {
    const behind = Array.from({ length: 36 }, (_, second) => Math.round(second * 1.9));
    expect(backlogWarnings(experiment(variant('queued-bullmq', behind)))).toEqual([
      "queued-bullmq's backlog grew by 1.9 jobs/s through its trial (67 waiting at its end): its workers did not keep up at 12.0/s, so its job latency grows with the trial's length",
    ]);
  });

  it('is not said when the workers keep up, a job or two waiting between samples', () => {
    expect(backlogWarnings(experiment(variant('queued-rabbitmq', [0, 1, 2, 1, 0, 2, 1, 0, 3, 1])))).toEqual(
      [],
    );
    expect(backlogWarnings(experiment({ name: 'sync', extraSeries: {} } as unknown as VariantView))).toEqual(
      [],
    );
  });
});
