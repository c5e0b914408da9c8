/**
 * What the live page calls things, as the server sends it (reports/dashboard/dashboard-labels.ts makes
 * it): shared by the server and the page.
 */
export interface PageLabels {
  /** counter or sampled figure → words */
  names: Record<string, string>;
  /** the failure counts, in the metrics' order: violation, its denominator, and the unit of both */
  failures: { violation: string; denominator: string | null; label: string; unit: string }[];
  /** counters that are denominators: drawn as the thin grey reference line */
  totals: string[];
}
