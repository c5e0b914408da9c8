/** What the suite runner tells the outside while it works: the CLI turns these into progress lines. */
import type { ProgressPoint } from '../engine/progress-point.ts';

export type SuiteEvent =
  | {
      type: 'variant-start';
      experiment: string;
      variant: string;
      index: number;
      total: number;
      etaSeconds: number;
    }
  | { type: 'target-ready'; experiment: string; variant: string; url: string; balancer: string | null }
  | { type: 'trial-start'; experiment: string; variant: string; trial: number; trials: number }
  | { type: 'second'; experiment: string; variant: string; trial: number; point: ProgressPoint }
  | {
      type: 'capacity-step';
      experiment: string;
      variant: string;
      rate: number;
      p99Ms: number;
      errorRate: number;
      ok: boolean;
      hostIdle: number | null;
      generatorCores: number;
      broken?: string;
    }
  | { type: 'variant-done'; experiment: string; variant: string; failedThresholds: number; valid: boolean }
  | { type: 'warning'; message: string }
  /** variants left out before anything started: a backend they need is missing */
  | { type: 'variants-skipped'; variants: string[]; reason: string; remedy: string };
