/**
 * When two variants may be compared, and what the comparison says: one rule for the takeaway and the
 * findings, so they cannot disagree. A ratio stands only between variants that ran below their capacity,
 * failed at most 1% of their requests outside the fault windows, and were not limited by this host; a
 * gap whose intervals overlap is never "about the same" when it is wide (a 7× gap says so).
 */
import { HOST_BOUND_NOTE } from '../../results/host-bound.ts';
import { compareStats, factorBetween, SINGLE_TRIAL_MS, SINGLE_TRIAL_RATIO } from './difference.ts';
import { latencyGrowth } from './latency-growth.ts';
import type { MetricStats } from './stats.ts';
import { formatFactor, formatMs, formatPercent, formatRate } from './units.ts';
import type { VariantView } from './views.ts';

/** Why a variant's trial figures cannot lead a comparison; empty when they can. */
export function trialFlaws(variant: VariantView): string[] {
  const flaws: string[] = [];
  if (variant.verdict.failing)
    flaws.push(
      `${variant.name} failed ${formatPercent(variant.verdict.errors.rate)} of its requests outside fault windows`,
    );
  if (variant.trialsHostBound) flaws.push(`${variant.name} ran on a saturated host`);
  const driven = variant.drivenRate;
  if (variant.slo !== null && variant.capacity === null && driven !== null)
    flaws.push(`${variant.name} has no capacity at the SLO`);
  else if (
    variant.capacity !== null &&
    !variant.capacityCapped &&
    driven !== null &&
    driven > variant.capacity
  )
    flaws.push(
      `${variant.name} ran at ${formatRate(driven)}/s, past its capacity ${formatRate(variant.capacity)}/s`,
    );
  const growth = latencyGrowth(variant.series);
  if (growth)
    flaws.push(
      `${variant.name}'s p50 grew from ${formatMs(growth.fromMs)} to ${formatMs(growth.toMs)} within the trial (queueing: overloaded)`,
    );
  return flaws;
}

/** Why a variant's capacity cannot lead a ratio; empty when it can. */
export function capacityFlaws(variant: VariantView): string[] {
  if (variant.capacity === null) return [`${variant.name} has no capacity`];
  if (variant.capacity === 0) return [`${variant.name} held no rate`];
  return variant.kneeHostBound ? [`${variant.name} ${HOST_BOUND_NOTE}`] : [];
}

export type Comparison =
  | { kind: 'differs'; direction: 'lower' | 'higher'; factor: number }
  | { kind: 'same' }
  /** a large gap the trials do not agree on */
  | { kind: 'wide'; direction: 'lower' | 'higher'; factor: number; trials: number }
  | { kind: 'not-comparable'; reasons: string[] };

/** How `candidate`'s figure compares with `baseline`'s, between the two variants' trials. */
export function compareFigures(
  baseline: VariantView,
  candidate: VariantView,
  pick: (variant: VariantView) => MetricStats,
): Comparison {
  const reasons = [...trialFlaws(baseline), ...trialFlaws(candidate)];
  if (reasons.length > 0) return { kind: 'not-comparable', reasons };
  const [base, other] = [pick(baseline), pick(candidate)];
  const direction = compareStats(base, other);
  const factor = factorBetween(base.mean, other.mean);
  if (direction !== 'same') return { kind: 'differs', direction, factor };
  const gap = Math.abs(other.mean - base.mean);
  if (factor >= SINGLE_TRIAL_RATIO && gap >= SINGLE_TRIAL_MS && Number.isFinite(factor)) {
    const trials = Math.min(baseline.trials, candidate.trials);
    return { kind: 'wide', direction: other.mean < base.mean ? 'lower' : 'higher', factor, trials };
  }
  return { kind: 'same' };
}

/** '11× lower', 'about the same', '7.6× higher, interval wide: 5 trials disagree', 'not compared: …' */
export function comparisonNote(comparison: Comparison): string {
  switch (comparison.kind) {
    case 'differs':
      return `${formatFactor(comparison.factor)} ${comparison.direction}`;
    case 'same':
      return 'about the same';
    case 'wide':
      return `${formatFactor(comparison.factor)} ${comparison.direction}, interval wide: ${comparison.trials} trials disagree`;
    case 'not-comparable':
      return `not compared: ${comparison.reasons.join('; ')}`;
  }
}

/**
 * A baseline's figure against the others': `sync 1.76 s vs a 6.1 ms (287× lower), b 3.2 ms (…)`. When the
 * baseline itself cannot be compared (overloaded, failing, host-bound), its reasons are said once, beside
 * it, and the others get their figures, with their own reasons only.
 */
export function againstBaseline(
  baseline: VariantView,
  others: VariantView[],
  pick: (variant: VariantView) => MetricStats,
  figure: (variant: VariantView) => string,
  joiner: string,
): string {
  const own = trialFlaws(baseline);
  const named = (variant: VariantView, reasons: string[]) =>
    `${variant.name} ${figure(variant)}${reasons.length > 0 ? ` (not compared: ${reasons.join('; ')})` : ''}`;
  const clauses = others.map((variant) =>
    own.length > 0
      ? named(variant, trialFlaws(variant))
      : `${variant.name} ${figure(variant)} (${comparisonNote(compareFigures(baseline, variant, pick))})`,
  );
  return `${named(baseline, own)}${joiner}${clauses.join(', ')}`;
}

/**
 * A capacity ratio, or null when one side cannot lead one: `≥ 8.0×` when the larger side is a floor
 * (the search's ceiling), null when the smaller one is (the ratio could be anything).
 */
export function capacityRatio(baseline: VariantView, candidate: VariantView): string | null {
  if (capacityFlaws(baseline).length > 0 || capacityFlaws(candidate).length > 0) return null;
  const [low, high] =
    baseline.capacity! <= candidate.capacity! ? [baseline, candidate] : [candidate, baseline];
  if (low.capacityCapped) return null;
  const factor = formatFactor(high.capacity! / low.capacity!);
  return high.capacityCapped ? `≥ ${factor}` : factor;
}

/** a request name this share of a variant's requests or more weighs in its p50 */
const WEIGHTY_STEP = 0.1;

/**
 * The request names one variant sent in weight (a queued variant's status polls) and the other did not
 * send at all; a rare step one side happened not to send in a short trial does not count.
 */
function unsharedSteps(a: VariantView, b: VariantView): string[] {
  const sent = (variant: VariantView) => new Set(variant.steps.map((step) => step.name));
  const weighty = (variant: VariantView) => {
    const total = variant.steps.reduce((sum, step) => sum + step.requests, 0);
    return variant.steps.filter((step) => step.requests >= WEIGHTY_STEP * total).map((step) => step.name);
  };
  const [sentA, sentB] = [sent(a), sent(b)];
  return [...weighty(a).filter((name) => !sentB.has(name)), ...weighty(b).filter((name) => !sentA.has(name))];
}

/**
 * p50 over all requests, compared only where both variants sent the same kinds of request: a queued
 * variant's p50 over its cheap status polls is no speed-up of the work.
 */
export function compareP50(baseline: VariantView, candidate: VariantView): Comparison {
  const comparison = compareFigures(baseline, candidate, (variant) => variant.p50);
  const unshared = [...new Set(unsharedSteps(baseline, candidate))];
  if (unshared.length === 0) return comparison;
  const reason = `p50 over all requests mixes requests only one side sent (${unshared.join(', ')})`;
  const reasons = comparison.kind === 'not-comparable' ? comparison.reasons : [];
  return { kind: 'not-comparable', reasons: [...reasons, reason] };
}
