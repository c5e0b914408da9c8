/** Descriptive statistics over trials: mean, median and a Student-t 95% confidence interval of the mean. */

export interface Interval {
  lower: number;
  upper: number;
}

export interface MetricStats {
  values: number[];
  mean: number;
  median: number;
  /** 95% confidence interval of the mean; null with fewer than 2 trials */
  ci: Interval | null;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const average = mean(values);
  let squares = 0;
  for (const value of values) squares += (value - average) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

// two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function tCritical95(degreesOfFreedom: number): number {
  return T_975[degreesOfFreedom - 1] ?? 1.96;
}

export function confidenceInterval95(values: readonly number[]): Interval | null {
  if (values.length < 2) return null;
  const average = mean(values);
  const half = (tCritical95(values.length - 1) * standardDeviation(values)) / Math.sqrt(values.length);
  return { lower: average - half, upper: average + half };
}

export function describe(values: readonly number[]): MetricStats {
  return {
    values: [...values],
    mean: mean(values),
    median: median(values),
    ci: confidenceInterval95(values),
  };
}
