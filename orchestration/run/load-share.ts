/**
 * The load a variant's trials were driven at, as a share of the capacity its search found: above 100%,
 * its trial latency and errors are overload, not architecture, and every report says so. A capacity at
 * the search's ceiling is only a floor, so the share is then an upper bound (`atMost`).
 */
import type { VariantResult } from '../../results/schema.ts';

export function loadShare(
  variant: Pick<VariantResult, 'trials' | 'capacity' | 'capped'>,
  derivation: 'fixed' | 'from-capacity' = 'fixed',
): VariantResult['load'] | undefined {
  const rates = variant.trials.map((trial) => trial.summary.targetRate).filter((rate) => rate !== null);
  if (rates.length === 0) return undefined;
  const rate = Math.max(...(rates as number[]));
  if (variant.capacity === null || variant.capacity <= 0)
    return { rate, derivation, capacity: null, share: null };
  return {
    rate,
    derivation,
    capacity: variant.capacity,
    share: Math.round((rate / variant.capacity) * 1000) / 1000,
    ...(variant.capped ? { atMost: true } : {}),
  };
}
