/**
 * What a variant without a capacity says: a variant whose pattern fails at every rate (sessions in process
 * memory, lost whatever the load) has no capacity because of that failure, not because the host ran out —
 * "no capacity: sessions lost at every rate" in place of a bare "none" beside an idle host.
 */
import type { VariantView } from './views.ts';

/** every step of its search broke the SLO and the variant showed its pattern's failure */
export function failsAtEveryRate(variant: VariantView): boolean {
  return (
    variant.capacity === null &&
    variant.capacitySteps.length > 0 &&
    variant.capacitySteps.every((step) => !step.ok) &&
    variant.verdict.patternFailures.length > 0
  );
}

/** 'no capacity: sessions lost at every rate', or 'none' when nothing explains it */
export function noCapacityText(variant: VariantView): string {
  if (!failsAtEveryRate(variant)) return 'none';
  return `no capacity: ${variant.verdict.patternFailures[0]!.label} at every rate`;
}
