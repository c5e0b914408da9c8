/**
 * Thresholds in k6 syntax — `'p(95)<200'`, `'rate<0.01'`, `'count==0'` — parsed once (all errors at
 * once) and evaluated against the metrics of a trial. A metric source answers an aggregation for a name.
 */

export type Aggregation =
  | { kind: 'percentile'; percentile: number }
  | { kind: 'avg' | 'min' | 'max' | 'med' | 'count' | 'rate' | 'value' };

export type Operator = '<' | '<=' | '>' | '>=' | '==' | '===' | '!=';

export interface Threshold {
  metric: string;
  expression: string;
  aggregation: Aggregation;
  operator: Operator;
  value: number;
}

const pattern =
  /^\s*(p\((\d+(?:\.\d+)?)\)|avg|min|max|med|count|rate|value)\s*(<=|>=|===|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$/;

export function parseThreshold(metric: string, expression: string): Threshold | string {
  const match = pattern.exec(expression);
  if (!match) {
    return `threshold '${expression}' on ${metric} is not k6 syntax (e.g. 'p(95)<200', 'rate<0.01', 'count==0')`;
  }
  const [, head, percentile, operator, value] = match;
  const aggregation: Aggregation =
    percentile !== undefined
      ? { kind: 'percentile', percentile: Number(percentile) }
      : { kind: head as 'avg' | 'min' | 'max' | 'med' | 'count' | 'rate' | 'value' };
  if (aggregation.kind === 'percentile' && (aggregation.percentile < 0 || aggregation.percentile > 100)) {
    return `threshold '${expression}' on ${metric}: percentile must be between 0 and 100`;
  }
  return { metric, expression, aggregation, operator: operator as Operator, value: Number(value) };
}

/** Parses a k6-style thresholds map; returns every problem at once. */
export function parseThresholds(map: Record<string, readonly string[]>): {
  thresholds: Threshold[];
  errors: string[];
} {
  const thresholds: Threshold[] = [];
  const errors: string[] = [];
  for (const [metric, expressions] of Object.entries(map)) {
    for (const expression of expressions) {
      const parsed = parseThreshold(metric, expression);
      if (typeof parsed === 'string') errors.push(parsed);
      else thresholds.push(parsed);
    }
  }
  return { thresholds, errors };
}

/** Answers an aggregation of a named metric, or null when the metric does not exist in this trial. */
export type MetricSource = (metric: string, aggregation: Aggregation) => number | null;

export function compare(actual: number, operator: Operator, expected: number): boolean {
  switch (operator) {
    case '<':
      return actual < expected;
    case '<=':
      return actual <= expected;
    case '>':
      return actual > expected;
    case '>=':
      return actual >= expected;
    case '==':
    case '===':
      return actual === expected;
    case '!=':
      return actual !== expected;
  }
}

export interface ThresholdResult {
  metric: string;
  expression: string;
  actual: number | null;
  passed: boolean;
}

/** A metric that is missing fails its threshold: a typo must not pass silently. */
export function evaluateThresholds(
  thresholds: readonly Threshold[],
  source: MetricSource,
): ThresholdResult[] {
  return thresholds.map((threshold) => {
    const actual = source(threshold.metric, threshold.aggregation);
    return {
      metric: threshold.metric,
      expression: threshold.expression,
      actual,
      passed: actual !== null && compare(actual, threshold.operator, threshold.value),
    };
  });
}
