/**
 * Recorded results shaped like issue 28's default run, for the report-rule tests: one experiment of
 * variants built from a fixture trial with the figures a shape asks for (p50, errors all trial long,
 * correctness counts, thresholds, capacity and its steps, per-trial trends, p50 growing through it).
 */
import { buildReportView, type ExperimentView } from '../../reports/model/views.ts';
import type {
  CapacityStepResult,
  SuiteResults,
  ThresholdOutcome,
  TrialResult,
  VariantResult,
} from '../../results/schema.ts';
import { buildSuiteFixture } from './results-fixtures.ts';

export const base = buildSuiteFixture({ experiments: ['clones'], trials: 1, seconds: 8 });
const template = base.experiments[0]!.variants[0]!;
const templateTrial = template.trials[0]!;

export interface Shape {
  name: string;
  p50?: number;
  /** each measured second's p50 grows linearly from p50 to this (a queue building up) */
  p50At?: number;
  /** share of every measured second's requests that failed */
  errorShare?: number;
  correctness?: Record<string, number>;
  thresholds?: ThresholdOutcome[];
  capacity?: number | null;
  capped?: boolean;
  hostIdleAtKnee?: number;
  steps?: CapacityStepResult[];
  trends?: Record<string, number[]>;
  trials?: number;
  targetRate?: number;
}

export const passed = (metric: string, expression: string): ThresholdOutcome => ({
  metric,
  expression,
  actual: 0,
  passed: true,
});

export function trialOf(shape: Shape, index: number): TrialResult {
  const share = shape.errorShare ?? 0;
  const last = templateTrial.series.length - 1;
  const series = templateTrial.series.map((point, at) => ({
    ...point,
    errors: point.warmup ? 0 : Math.round(point.requests * share),
    p50: (shape.p50 ?? 5) + ((shape.p50At ?? shape.p50 ?? 5) - (shape.p50 ?? 5)) * (at / last),
  }));
  const requests = templateTrial.summary.requests;
  const response = { ...templateTrial.summary.latency.response, p50: shape.p50 ?? 5 };
  const trends = Object.fromEntries(
    Object.entries(shape.trends ?? {}).map(([name, values]) => {
      const p99 = values[index % values.length]!;
      return [
        name,
        { stats: { ...response, p50: p99 / 2, p99 }, histogram: templateTrial.histograms.response },
      ];
    }),
  );
  return {
    ...templateTrial,
    trial: index,
    series,
    faults: [],
    correctness: shape.correctness ?? {},
    trends,
    summary: {
      ...templateTrial.summary,
      errors: Math.round(requests * share),
      targetRate: shape.targetRate ?? 30,
      latency: { ...templateTrial.summary.latency, response },
    },
  };
}

export function variant(shape: Shape): VariantResult {
  return {
    ...template,
    name: shape.name,
    trials: Array.from({ length: shape.trials ?? 1 }, (_, index) => trialOf(shape, index)),
    thresholds: shape.thresholds ?? [],
    capacity: shape.capacity ?? null,
    ...(shape.capped ? { capped: true } : {}),
    ...(shape.capacity !== undefined || shape.steps
      ? { slo: { p99Ms: 200, errorRate: 0.01 }, hostIdleAtKnee: shape.hostIdleAtKnee ?? 0.4 }
      : {}),
    ...(shape.steps ? { capacitySteps: shape.steps } : {}),
  };
}

export function experiment(...shapes: Shape[]): ExperimentView {
  const suite: SuiteResults = {
    ...base,
    experiments: [{ name: 'shapes', title: 'Shapes', variants: shapes.map(variant) }],
  };
  return buildReportView(suite).experiments[0]!;
}

export const step = (rate: number, ok: boolean, hostIdle: number, broken?: string): CapacityStepResult => ({
  rate,
  ok,
  p99Ms: ok ? 50 : 900,
  errorRate: ok ? 0 : 0.4,
  hostIdle,
  generatorCores: 0.3,
  ...(broken ? { broken } : {}),
});
