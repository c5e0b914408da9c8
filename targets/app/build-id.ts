/**
 * The build id: a hash of the app's source files. Every clone reports it at /healthz, so a report can
 * show that all clones run the same code (the seed's "all servers have the same code").
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = fileURLToPath(new URL('.', import.meta.url));

function listSources(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listSources(path));
    else if (entry.name.endsWith('.ts')) files.push(path);
  }
  return files.sort();
}

export function computeBuildId(dir: string = appDir): string {
  const hash = createHash('sha256');
  for (const file of listSources(dir)) {
    hash.update(file.slice(dir.length));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}
