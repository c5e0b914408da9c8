/**
 * Thresholds in k6 syntax — `'p(95)<200'`, `'rate<0.01'`, `'count==0'` — parsed once (all errors at
 * once) and evaluated against the metrics of a trial. A metric source answers an aggregation for a name.
 * A request metric may name one step with a k6 tag: `http_req_duration{name:login}`; a gRPC call's step
 * is selected the same way, `grpc_req_duration{name:GetUser}`.
 */

export type Aggregation =
  | { kind: 'percentile'; percentile: number }
  | { kind: 'avg' | 'min' | 'max' | 'med' | 'count' | 'rate' | 'value' };

export type Operator = '<' | '<=' | '>' | '>=' | '==' | '===' | '!=';

export interface Threshold {
  /** as written, tag included: `http_req_duration{name:login}` */
  metric: string;
  /** the metric without its tag: `http_req_duration` */
  baseMetric: string;
  /** the step the `{name:…}` tag selects */
  step?: string;
  expression: string;
  aggregation: Aggregation;
  operator: Operator;
  value: number;
}

const pattern =
  /^\s*(p\((\d+(?:\.\d+)?)\)|avg|min|max|med|count|rate|value)\s*(<=|>=|===|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$/;

/** the request metrics that exist per step, so a `{name:…}` tag may select one */
export const STEP_METRICS = [
  'http_req_duration',
  'grpc_req_duration',
  'response_time',
  'service_time',
  'http_req_failed',
  'http_reqs',
];

/**
 * WebSocket metrics that exist per socket name too: ws_reply{name:chat} is the step's response time
 * (each exchange is a request of its step), the others trends the session records under the tag.
 */
export const TAGGED_WS_METRICS = ['ws_reply', 'ws_connecting', 'ws_session_duration'];

const taggedPattern = /^([A-Za-z_][\w.]*)\{\s*([A-Za-z_]\w*)\s*:\s*(.+?)\s*\}$/;

/** `http_req_duration{name:login}` → base metric and step; a string when the tag is not one we know */
export function parseMetricName(metric: string): { baseMetric: string; step?: string } | string {
  if (!metric.includes('{')) return { baseMetric: metric };
  const match = taggedPattern.exec(metric.trim());
  if (!match)
    return `threshold metric '${metric}' is not name{tag:value} (e.g. http_req_duration{name:login})`;
  const [, baseMetric, tag, value] = match;
  if (tag !== 'name') {
    return `threshold metric '${metric}': only the name tag is supported ({name:<step>}), not ${tag}`;
  }
  if (!STEP_METRICS.includes(baseMetric!) && !TAGGED_WS_METRICS.includes(baseMetric!)) {
    const named = [...STEP_METRICS, ...TAGGED_WS_METRICS].join(', ');
    return `threshold metric '${metric}': ${baseMetric} has no per-step values (use ${named})`;
  }
  return { baseMetric: baseMetric!, step: value!.replace(/^(['"])(.*)\1$/, '$2') };
}

export function parseThreshold(metric: string, expression: string): Threshold | string {
  const name = parseMetricName(metric);
  if (typeof name === 'string') return name;
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
  return {
    metric,
    ...name,
    expression,
    aggregation,
    operator: operator as Operator,
    value: Number(value),
  };
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

/**
 * Answers an aggregation of a named metric (of one step when `step` is given), or null when the metric
 * does not exist in this trial.
 */
export type MetricSource = (metric: string, aggregation: Aggregation, step?: string) => number | null;

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
    const actual = source(threshold.baseMetric, threshold.aggregation, threshold.step);
    return {
      metric: threshold.metric,
      expression: threshold.expression,
      actual,
      passed: actual !== null && compare(actual, threshold.operator, threshold.value),
    };
  });
}
