/** How numbers read in reports: latencies in ms or s, rates per second, percentages, big counts. */

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 0.1 || ms === 0) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function formatRate(perSecond: number): string {
  return perSecond >= 100 ? perSecond.toFixed(0) : perSecond.toFixed(1);
}

/** 0.042 → '4.2%' */
export function formatPercent(fraction: number): string {
  const percent = fraction * 100;
  if (percent === 0) return '0%';
  if (percent >= 10) return `${percent.toFixed(0)}%`;
  if (percent >= 0.1) return `${percent.toFixed(1)}%`;
  return `${percent.toFixed(2)}%`;
}

/** 2.05 → '2.1×', 13.4 → '13×' */
export function formatFactor(factor: number): string {
  return factor >= 10 ? `${factor.toFixed(0)}×` : `${factor.toFixed(1)}×`;
}

export function formatCount(count: number): string {
  return Math.round(count).toLocaleString('en-US');
}

/** 'sessionsLost' → 'sessions lost', 'rywViolations' → 'RYW violations' */
export function humanize(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.replace(/\bryw\b/, 'RYW');
}

/** 3.0218827279999996 → '3.0 s' */
export function formatSeconds(seconds: number): string {
  return `${seconds.toFixed(1)} s`;
}

/** 0 → '0 B', 1536 → '1.5 KB', 3_400_000 → '3.2 MB' */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${Math.round(value)} B` : `${value.toFixed(1)} ${units[unit]}`;
}
