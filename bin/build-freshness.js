// Is dist/ (the JavaScript that `npm run build` emits, which `prepare` runs on `npm ci` and `npm install`)
// current? Plain JavaScript: it runs before anything is compiled. A package installed from npm has no
// sources, so its dist/ is always current; in a checkout, one source file newer than its dist/ twin (or
// without one) makes the build stale. Costs one stat per source file, a few milliseconds.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** the folders `tsconfig.build.json` compiles */
export const sourceFolders = [
  'cli',
  'core',
  'load-model',
  'scenarios',
  'runners',
  'results',
  'reports',
  'exporters',
  'targets',
];

function mtimeMs(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function firstStale(root, relative) {
  let entries;
  try {
    entries = readdirSync(join(root, relative), { withFileTypes: true });
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    const path = join(relative, entry.name);
    if (entry.isDirectory()) {
      const stale = firstStale(root, path);
      if (stale) return stale;
    } else if (entry.name.endsWith('.ts')) {
      const built = mtimeMs(join(root, 'dist', path.replace(/\.ts$/, '.js')));
      if (built === undefined || built < mtimeMs(join(root, path))) return path;
    }
  }
  return undefined;
}

/**
 * 'fresh' (run dist/), 'missing' (no dist/: run the sources) or the first source file changed since the
 * last build ('stale: <path>'). `root` is the package root.
 */
export function buildState(root) {
  if (mtimeMs(join(root, 'dist', 'cli', 'main.js')) === undefined) return 'missing';
  for (const folder of sourceFolders) {
    const stale = firstStale(root, folder);
    if (stale) return `stale: ${stale}`;
  }
  return 'fresh';
}
