/**
 * The order `ab` runs its trials in: A B A B … (alternate), or a balanced random order — N of each side,
 * shuffled by a seeded Fisher–Yates so the order can be replayed from the seed in the results file.
 */
import { seededRandom } from '../../core/seeded-random.ts';

export type AbSide = 'baseline' | 'candidate';

export function alternateOrder(trialsPerSide: number): AbSide[] {
  return Array.from({ length: 2 * trialsPerSide }, (_, i) => (i % 2 === 0 ? 'baseline' : 'candidate'));
}

export function balancedRandomOrder(trialsPerSide: number, seed: number): AbSide[] {
  const order = alternateOrder(trialsPerSide);
  const random = seededRandom(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
