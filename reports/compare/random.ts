/** Random deviates for bootstrap resampling, drawn from the seeded PRNG so `compare` output is deterministic. */
import type { Random } from '../../core/seeded-random.ts';

/** Standard normal deviate (Box–Muller) from a uniform source. */
export function normal(random: Random): number {
  const u = Math.max(random(), Number.EPSILON);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
