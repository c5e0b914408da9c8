/**
 * The rate the variants were compared at, in words, and each measured variant's load as a share of its
 * capacity: "Every variant was driven at 31/s (70% of stateless-1's capacity 45/s, the smallest of the
 * compared variants): stateless-1 at 69% of its capacity, stateless-4 at 18%."
 */
import { formatRate } from '../model/units.ts';
import type { ExperimentView } from '../model/views.ts';

export function comparisonRateSentence(experiment: ExperimentView): string | null {
  const comparison = experiment.comparison;
  if (!comparison) return null;
  const shares = experiment.variants.flatMap((variant) =>
    variant.load?.share == null
      ? []
      : [`${variant.name} at ${variant.load.atMost ? '≤ ' : ''}${Math.round(variant.load.share * 100)}%`],
  );
  const lead = `Every variant was driven at ${formatRate(comparison.rate)}/s (${comparison.reason})`;
  return shares.length > 0
    ? `${lead}; load as a share of each capacity found: ${shares.join(', ')}.`
    : `${lead}.`;
}
