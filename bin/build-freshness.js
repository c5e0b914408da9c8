// Is dist/ (the JavaScript that `npm run build` emits, which `prepare` runs on `npm ci` and `npm install`)
// current? Plain JavaScript: it runs before anything is compiled. The build ends by touching
// dist/.built (`node bin/build-freshness.js --mark`); a source file modified after that stamp makes the
// build stale. A package installed from npm has no sources, so its dist/ is always current. Costs one
// stat per source file: about 250, a few milliseconds.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** the folders `tsconfig.build.json` compiles */
export const sourceFolders = [
  'cli',
  'core',
  'load-model',
  'scenarios',
  'load',
  'orchestration',
  'results',
  'reports',
  'exporters',
  'targets',
];

const STAMP = 'dist/.built';

function mtimeMs(path) {
  return statSync(path, { throwIfNoEntry: false })?.mtimeMs;
}

function sourcesIn(folder) {
  try {
    return readdirSync(folder, { recursive: true }).filter((name) => name.endsWith('.ts'));
  } catch {
    return []; // an installed package: no sources
  }
}

/**
 * 'fresh' (run dist/), 'missing' (no build: run the sources) or the first source file changed since
 * the last build ('stale: <path>'). `root` is the package root, ending with a slash.
 */
export function buildState(root) {
  const built = mtimeMs(`${root}${STAMP}`);
  if (built === undefined) return 'missing';
  for (const folder of sourceFolders) {
    for (const name of sourcesIn(`${root}${folder}`)) {
      const path = `${folder}/${name}`;
      if (mtimeMs(`${root}${path}`) > built) return `stale: ${path}`;
    }
  }
  return 'fresh';
}

/** Called by `npm run build` once tsc has written dist/. */
export function markBuilt(root) {
  writeFileSync(`${root}${STAMP}`, `${new Date().toISOString()}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--mark') {
  markBuilt(fileURLToPath(new URL('../', import.meta.url)));
}
