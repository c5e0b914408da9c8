/**
 * The build id: a hash of the app's source files. Every clone reports it at /healthz, so a report can
 * show that all clones run the same code (the seed's "all servers have the same code").
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = fileURLToPath(new URL('.', import.meta.url));
/** .ts from the sources, .js when built (core/entry-points.ts) */
const sourceExtension = extname(fileURLToPath(import.meta.url));

function listSources(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listSources(path));
    else if (entry.name.endsWith(sourceExtension)) files.push(path);
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
