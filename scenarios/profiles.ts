/**
 * The load profiles the built-in experiments share: an open model at a constant arrival rate, short for
 * the workshop (`--quick`: 4 s) and longer for trials with confidence intervals (full: 30 s).
 */
import type { LoadProfile, ProfileName } from './types.ts';

export interface ArrivalRates {
  /** iterations per second in each profile */
  quick: number;
  full: number;
  /** warm-up before the quick profile's measured part; the full profile warms up 5 s */
  quickWarmup?: string;
  /** the quick profile's measured part (default 4s) */
  quickDuration?: string;
}

export function constantArrivalProfiles(rates: ArrivalRates): Record<ProfileName, LoadProfile> {
  return {
    quick: {
      executor: {
        executor: 'constant-arrival-rate',
        rate: rates.quick,
        duration: rates.quickDuration ?? '4s',
        preAllocatedVUs: 20,
        maxVUs: 200,
      },
      warmup: rates.quickWarmup ?? '1s',
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
 * (runners/orchestration/step-length.ts), bisected until the rate is known within 15%. A break counts at
 * once: the rate found is measured a second time instead (capacity-search.ts confirmKnee).
 */
export const SHORT_CAPACITY_STEPS = {
  precision: 0.15,
  stepDuration: '2s',
  warmup: '300ms',
  confirmBreaks: 0,
} as const;
