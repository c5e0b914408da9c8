/**
 * A clones results file with what the scaling reports read: capacity search fields per variant
 * (capacity, SLO, host idle at the knee, hostBound, server, clones) and per-second responses per
 * clone with clone-0 killed at second 3, sessions lost per second. Deterministic.
 */
import type { SeriesPoint, SuiteResults, VariantResult } from '../../results/schema.ts';
import { buildSuiteFixture } from './results-fixtures.ts';

const server = { model: 'cpu-quota' as const, size: 0.25, label: 'cgroup v1 cpu quota 0.25 CPU' };
const slo = { p99Ms: 200, errorRate: 0.01 };

function series(clones: number, lostPerSecond: number): SeriesPoint[] {
  return Array.from({ length: 9 }, (_, second) => {
    const alive = Array.from({ length: clones }, (_, index) => index).filter(
      (index) => index > 0 || second < 4,
    );
    const servedBy = Object.fromEntries(alive.map((index) => [`clone-${index}`, 120 / alive.length]));
    return {
      second,
      warmup: second < 1,
      requests: 120,
      errors: second === 4 ? 4 : 0,
      p50: 1.5,
      p99: second === 4 ? 40 : 8,
      servedBy,
      ...(lostPerSecond > 0 && second >= 4 ? { counters: { sessionsLost: lostPerSecond } } : {}),
    };
  });
}

export function buildScalingFixture(): SuiteResults {
  const suite = buildSuiteFixture({ experiments: ['clones'], trials: 1, seconds: 8 });
  const template = suite.experiments[0]!.variants[0]!;
  const variant = (
    name: string,
    clones: number,
    capacity: number | null,
    options: { hostIdle?: number; lost?: number; faulted?: boolean } = {},
  ): VariantResult => ({
    ...template,
    name,
    clones,
    capacity,
    capped: false,
    slo,
    hostIdleAtKnee: options.hostIdle ?? 0.32,
    hostBound: (options.hostIdle ?? 0.32) < 0.15,
    server,
    trials: template.trials.map((trial) => ({
      ...trial,
      series: series(clones, options.lost ?? 0),
      faults:
        options.faulted === false ? [] : [{ atSeconds: 3, kind: 'kill', detail: 'clone 0 killed (SIGKILL)' }],
      correctness: { ...trial.correctness, sessionsLost: (options.lost ?? 0) * 6 },
    })),
  });
  suite.experiments[0]!.variants = [
    variant('stateless-1', 1, 60, { faulted: false }),
    variant('stateless-2', 2, 118),
    variant('stateless-4', 4, 228),
    variant('sticky-2', 2, 130, { lost: 2 }),
    variant('sticky-4', 4, 200, { hostIdle: 0.08, lost: 1 }),
  ];
  return suite;
}
