/** The app's own counters (requests, cache hits, jobs, ...), exposed at /metrics in Prometheus text format. */

export class Counters {
  private readonly values = new Map<string, number>();
  /** names written with set(): exported as gauges; everything else only ever grows (counters) */
  private readonly gauges = new Set<string>();

  inc(name: string, by = 1): void {
    this.values.set(name, (this.values.get(name) ?? 0) + by);
  }

  set(name: string, value: number): void {
    this.gauges.add(name);
    this.values.set(name, value);
  }

  get(name: string): number {
    return this.values.get(name) ?? 0;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.values);
  }

  /** `scalebench_<name>{instance="..."} <value>` lines, names in snake_case. */
  toPrometheus(instance: string): string {
    const lines: string[] = [];
    for (const [name, value] of [...this.values].sort(([a], [b]) => a.localeCompare(b))) {
      const metric = `scalebench_${toSnakeCase(name)}`;
      lines.push(`# TYPE ${metric} ${this.gauges.has(name) ? 'gauge' : 'counter'}`);
      lines.push(`${metric}{instance="${instance}"} ${value}`);
    }
    return `${lines.join('\n')}\n`;
  }
}

export function toSnakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** Parses Prometheus text back into { snake_name: value }, summing across label sets. */
export function parsePrometheus(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const value = Number(match[2]);
    if (Number.isFinite(value)) out[match[1]!] = (out[match[1]!] ?? 0) + value;
  }
  return out;
}
