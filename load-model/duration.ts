/** Duration values of load options: '250ms', '30s', '2m', '1h', or a number of milliseconds. */

export type DurationInput = string | number;

const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds, or null when the input is not a duration. */
export function durationMs(input: unknown): number | null {
  if (typeof input === 'number') return Number.isFinite(input) && input >= 0 ? input : null;
  if (typeof input !== 'string') return null;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(input.trim());
  if (!match) return null;
  return Number(match[1]) * units[match[2]!]!;
}

/** For already validated options. */
export function toMs(input: unknown, fallback: number): number {
  if (input === undefined) return fallback;
  return durationMs(input) ?? fallback;
}

/**
 * Milliseconds written back in the duration syntax above ('2m', '1.5s', '250ms'): what the user wrote,
 * echoed in plans, and what k6 reads. Reports print times for people with reports/model/units.ts formatMs.
 */
export function formatDuration(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms >= 1000) return `${Number((ms / 1000).toFixed(3))}s`;
  return `${ms}ms`;
}
