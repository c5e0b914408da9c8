/**
 * The process's open-file limit (every socket is one file descriptor). Node raises its soft limit to
 * the hard one at start-up, so the soft limit read here is what the run can use. Linux only (read from
 * /proc/self/limits); elsewhere the limit is unknown and nothing is checked.
 */
import { readFileSync } from 'node:fs';

export interface OpenFileLimit {
  soft: number;
  hard: number;
}

/** Parses the "Max open files" row of /proc/<pid>/limits; null when absent or unlimited. */
export function parseOpenFileLimit(limits: string): OpenFileLimit | null {
  const row = /^Max open files\s+(\d+|unlimited)\s+(\d+|unlimited)/m.exec(limits);
  if (!row) return null;
  const soft = Number(row[1]);
  const hard = Number(row[2]);
  if (!Number.isFinite(soft)) return null;
  return { soft, hard: Number.isFinite(hard) ? hard : Number.POSITIVE_INFINITY };
}

export function readOpenFileLimit(): OpenFileLimit | null {
  try {
    return parseOpenFileLimit(readFileSync('/proc/self/limits', 'utf8'));
  } catch {
    return null;
  }
}
