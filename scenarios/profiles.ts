/**
 * The load profiles the built-in experiments share: an open model at a constant arrival rate, short for
 * the workshop (`--quick`: one trial of 4 s), three trials of 6 s with confidence intervals by default
 * (a suite in about a quarter of an hour), and five of 30 s for rigour (`--profile full`).
 */
import { durationMs } from '../load-model/duration.ts';
import type { LoadProfile, ProfileName } from './types.ts';

export interface ArrivalRates {
  /** iterations per second in each profile */
  quick: number;
  full: number;
  /** warm-up before the quick profile's measured part (default 1s); the default profile warms up at least
   * 2 s, the full profile 5 s */
  quickWarmup?: string;
  /** the quick profile's measured part (default 4s) */
  quickDuration?: string;
}

/** the default profile's measured part and least warm-up */
const DEFAULT_DURATION = '6s';
const DEFAULT_WARMUP_MS = 2_000;

export function constantArrivalProfiles(rates: ArrivalRates): Record<ProfileName, LoadProfile> {
  const quickWarmup = rates.quickWarmup ?? '1s';
  return {
    quick: {
      executor: {
        executor: 'constant-arrival-rate',
        rate: rates.quick,
        duration: rates.quickDuration ?? '4s',
        preAllocatedVUs: 20,
        maxVUs: 200,
      },
      warmup: quickWarmup,
    },
    // the quick profile's rate, which each built-in experiment set below its smallest capacity (clones'
    // full 60/s overloads one clone of ~45/s: issue 28)
    default: {
      executor: {
        executor: 'constant-arrival-rate',
        rate: rates.quick,
        duration: DEFAULT_DURATION,
        preAllocatedVUs: 20,
        maxVUs: 200,
      },
      warmup: (durationMs(quickWarmup) ?? 0) > DEFAULT_WARMUP_MS ? quickWarmup : `${DEFAULT_WARMUP_MS}ms`,
    },
    full: {
      executor: {
        executor: 'constant-arrival-rate',
        rate: rates.full,
        duration: '30s',
        preAllocatedVUs: 40,
        maxVUs: 400,
      },
      warmup: '5s',
    },
  };
}

/**
 * How every built-in capacity search steps: a 300 ms warm-up, then at least 2 s and 500 requests measured
 * (orchestration/run/step-length.ts), bisected until the rate is known within 15%. A break counts at
 * once: the rate found is measured a second time instead (capacity-search.ts confirmKnee).
 */
export const SHORT_CAPACITY_STEPS = {
  precision: 0.15,
  stepDuration: '2s',
  warmup: '300ms',
  confirmBreaks: 0,
} as const;
