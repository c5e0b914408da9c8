/** Writes a copy of a generated balancer config next to its log file, which outlives the temp folder. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function keepConfigCopy(logDir: string, name: string, config: string): Promise<string> {
  await mkdir(logDir, { recursive: true });
  const path = join(logDir, name);
  await writeFile(path, config);
  return path;
}
