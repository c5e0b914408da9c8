/**
 * Samples named target figures once a second during a trial (queue depth, replica lag, ...), into the
 * trial's extraSeries. A failed scrape repeats the previous value rather than breaking the run.
 * `onSample` hears each sample as it is taken (the n-th one at about n seconds), for live views.
 */
import type { RunningTarget } from '../../targets/target.ts';

export interface Sampler {
  stop(): Promise<Record<string, number[]>>;
}

export function startSampler(
  target: RunningTarget,
  names: readonly string[],
  intervalMs = 1000,
  onSample?: (index: number, values: Record<string, number>) => void,
): Sampler {
  const series: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  if (names.length === 0) return { stop: async () => series };
  let inFlight: Promise<void> = Promise.resolve();
  const sample = async () => {
    const counters = await target.counters().catch(() => ({}) as Record<string, number>);
    const taken: Record<string, number> = {};
    for (const name of names) {
      const values = series[name]!;
      const value = counters[name] ?? values.at(-1) ?? 0;
      values.push(value);
      taken[name] = value;
    }
    onSample?.(series[names[0]!]!.length - 1, taken);
  };
  const timer = setInterval(() => {
    inFlight = inFlight.then(sample);
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await inFlight;
      return series;
    },
  };
}
