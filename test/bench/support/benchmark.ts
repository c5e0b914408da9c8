/** What every benchmark file exports and what run-all.ts prints at the end. */

export interface BenchOptions {
  /** the full-length variants (memory: 5 min) */
  long: boolean;
  /** repetitions of the efficiency runs (the machine is shared: medians of several rounds) */
  rounds: number;
  /** override the per-run duration in seconds (efficiency, latency floor) */
  seconds?: number;
}

export interface Verdict {
  bench: string;
  target: string;
  met: boolean;
  /** the target could not be measured in this run (a peer missing): met stays false, the table says so */
  skipped?: boolean;
  detail: string;
}

export interface Benchmark {
  name: string;
  describe: string;
  run(options: BenchOptions): Promise<Verdict[]>;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
