/**
 * The one place that says which correctness counts are failures and what each is a share of: the table,
 * the findings, the takeaway and the correctness chart all read it. Totals (reads, sessions, jobs
 * submitted, RYW checks) are denominators, never findings; counts not listed here (a user flow's own)
 * appear in the table only. Each denominator is the count of cases judged in the violation's unit
 * (results/evidence.ts holds the same pairs, with the unjudged counts, for the evidence rule).
 */
import type { VariantView } from './views.ts';

export interface CorrectnessMetric {
  /** the failure count, e.g. 'staleReads' */
  violation: string;
  /** the total it is a share of, e.g. 'reads'; null when there is none */
  denominator: string | null;
  /** plural noun phrase: 'stale reads' */
  label: string;
  /** what the denominator counts, for "N of M <unit>": 'reads' */
  unit: string;
  /** what a variant did, `{n}` replaced by '53 of 81' or '53': 'lost {n} sessions' */
  claim: string;
}

export const correctnessMetrics: readonly CorrectnessMetric[] = [
  {
    violation: 'sessionsLost',
    denominator: 'sessions',
    label: 'sessions lost',
    unit: 'sessions',
    claim: 'lost {n} sessions',
  },
  {
    violation: 'staleReads',
    denominator: 'reads',
    label: 'stale reads',
    unit: 'reads',
    claim: 'served stale data on {n} reads',
  },
  {
    violation: 'rywViolations',
    denominator: 'rywChecks',
    label: 'RYW violations',
    unit: 'RYW checks',
    claim: 'broke read-your-writes on {n} checks',
  },
  {
    violation: 'jobsLost',
    denominator: 'jobsAccepted',
    label: 'jobs lost',
    unit: 'jobs accepted',
    claim: 'lost {n} jobs',
  },
  {
    violation: 'jobsDuplicated',
    denominator: 'jobsAccepted',
    label: 'jobs run twice',
    unit: 'jobs accepted',
    claim: 'ran {n} jobs twice',
  },
  {
    violation: 'jobsNotSeenDone',
    denominator: 'jobsSubmitted',
    label: 'jobs never seen done',
    unit: 'jobs submitted',
    claim: 'never showed {n} jobs done',
  },
  {
    violation: 'cartItemsDuplicated',
    denominator: null,
    label: 'cart items duplicated',
    unit: 'items',
    claim: 'duplicated {n} cart items',
  },
];

const byViolation = new Map(correctnessMetrics.map((metric) => [metric.violation, metric]));

export function correctnessMetric(key: string): CorrectnessMetric | undefined {
  return byViolation.get(key);
}

/** The metrics an experiment reported, in the order of `correctnessMetrics`. */
export function metricsIn(variants: readonly VariantView[]): CorrectnessMetric[] {
  return correctnessMetrics.filter((metric) =>
    variants.some((variant) => variant.correctness[metric.violation] !== undefined),
  );
}

export interface Share {
  count: number;
  /** null when the metric has no denominator or the variant did not report it */
  total: number | null;
  /** count / total; null when total is null or zero */
  rate: number | null;
}

export function shareOf(variant: VariantView, metric: CorrectnessMetric): Share {
  const count = variant.correctness[metric.violation] ?? 0;
  const total = metric.denominator === null ? null : (variant.correctness[metric.denominator] ?? null);
  return { count, total, rate: total ? count / total : null };
}

/** True when every variant reporting the metric also reported a non-zero denominator. */
export function hasRates(variants: readonly VariantView[], metric: CorrectnessMetric): boolean {
  const reporting = variants.filter((variant) => variant.correctness[metric.violation] !== undefined);
  return reporting.length > 0 && reporting.every((variant) => shareOf(variant, metric).rate !== null);
}
