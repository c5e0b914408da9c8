/**
 * What the live page calls things: human names for the flows' counters, the sampled target figures and
 * the error classes, in place of code names (`sessionsUnjudged`, `status_4xx`). Failures come from the
 * one list of correctness metrics (reports/model/correctness-metrics.ts), so the page and the reports
 * agree on what a failure is and what it is a share of.
 */
import { correctnessMetrics } from '../model/correctness-metrics.ts';
import type { PageLabels } from './client/page-labels.ts';

const OTHER_NAMES: Record<string, string> = {
  sessionsUnjudged: 'sessions not judged (a request failed)',
  readsUnjudged: 'reads not judged (the read failed)',
  rywUnjudged: 'read-backs not judged (the read failed)',
  statusRequests: 'status polls (requests)',
  notificationsReceived: '"job done" pushes received',
  writes: 'writes',
  queueDepth: 'jobs waiting in the queue',
  replicaLagMs: 'replica lag (ms)',
  replicaLagBytes: 'replica lag (bytes)',
  cacheHits: 'cache hits (total)',
  cacheMisses: 'cache misses (total)',
  refused: 'errors: connection refused',
  reset: 'errors: connection reset',
  timeout: 'errors: timed out',
  parse: 'errors: bad response',
  tls: 'errors: TLS',
  status_4xx: 'errors: HTTP 4xx',
  status_5xx: 'errors: HTTP 5xx',
  check: 'errors: check failed',
  other: 'errors: other',
};

export function pageLabels(): PageLabels {
  const totals = [
    ...new Set(correctnessMetrics.flatMap((metric) => (metric.denominator ? [metric.denominator] : []))),
  ];
  const names: Record<string, string> = { ...OTHER_NAMES };
  for (const metric of correctnessMetrics) {
    names[metric.violation] = metric.label;
    if (metric.denominator) names[metric.denominator] = `${metric.unit} (total)`;
  }
  return {
    names,
    failures: correctnessMetrics.map(({ violation, denominator, label, unit }) => ({
      violation,
      denominator,
      label,
      unit,
    })),
    totals,
  };
}
