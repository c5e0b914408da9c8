/** Finds an executable on PATH (like `command -v`), without spawning a shell. */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

export async function findOnPath(
  command: string,
  pathVariable: string | undefined = process.env.PATH,
): Promise<string | undefined> {
  const dirs = (pathVariable ?? '').split(delimiter).filter((dir) => dir !== '');
  for (const dir of [...dirs, '/usr/sbin', '/sbin']) {
    const candidate = join(dir, command);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}
