/** Test helpers: is a process still alive (zombies count as gone), and which processes mention a path. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export function isAlive(pid: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

/** pids whose command line contains `text` (pgrep -f), excluding zombies */
export function pidsMatching(text: string): number[] {
  try {
    const out = execFileSync('pgrep', ['-f', text], { encoding: 'utf8' });
    return out
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map(Number)
      .filter((pid) => pid !== process.pid && isAlive(pid));
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}
