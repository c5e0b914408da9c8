/**
 * Reads the app's own counters straight from each instance's /metrics (never through the balancer) and
 * turns the Prometheus names back into the app's names: scalebench_cache_hits → cacheHits.
 */
import { request } from 'undici';
import { parsePrometheus } from '../app/metrics.ts';

export async function scrapeCounters(baseUrl: string, timeoutMs = 2000): Promise<Record<string, number>> {
  const response = await request(new URL('/metrics', baseUrl), {
    method: 'GET',
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const text = await response.body.text();
  if (response.statusCode !== 200) throw new Error(`${baseUrl}/metrics answered ${response.statusCode}`);
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(parsePrometheus(text))) out[toCamelCase(name)] = value;
  return out;
}

export function toCamelCase(metric: string): string {
  return metric.replace(/^scalebench_/, '').replace(/_([a-z0-9])/g, (_, char: string) => char.toUpperCase());
}

/** Adds `more` into `into` key by key. */
export function addCounters(into: Record<string, number>, more: Record<string, number>): void {
  for (const [name, value] of Object.entries(more)) into[name] = (into[name] ?? 0) + value;
}
