/**
 * Log files of the processes scalebench starts: one file per process in the run's log folder, appended
 * to across restarts, and read back (its last lines) when a process fails so the error can show why.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';

/** `<logDir>/<name>.log`, creating the folder; returns the path and an append-mode fd for stdio. */
export function openLogFile(logDir: string, name: string): { path: string; fd: number } {
  mkdirSync(logDir, { recursive: true });
  const path = join(logDir, `${name.replace(/[^a-zA-Z0-9_.-]/g, '_')}.log`);
  return { path, fd: openSync(path, 'a') };
}

export function closeLogFd(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
}

/** The last `count` non-empty lines of a file (reads at most its last 16 KB); '' when unreadable. */
export async function tailLog(path: string, count = 5): Promise<string> {
  try {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      const length = Math.min(size, 16_384);
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, size - length);
      const lines = buffer
        .toString('utf8')
        .split('\n')
        .filter((line) => line.trim() !== '');
      return lines.slice(-count).join('\n');
    } finally {
      await handle.close();
    }
  } catch {
    return '';
  }
}
