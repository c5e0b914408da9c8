/**
 * Where scalebench's code runs from, and how to start each of its entry points (the app, a queue
 * worker, the built-in balancer, a load worker thread). This is the one module that knows the
 * difference between the two ways scalebench runs:
 *
 * - built: JavaScript in dist/ (`npm run build`, which `prepare` runs on `npm ci` and `npm install`);
 *   every entry is plain `node dist/<path>.js`, nothing is compiled at start;
 * - sources: the TypeScript files themselves through tsx (tests, or a checkout whose dist/ is stale:
 *   bin/scalebench.js decides that once per process, and every child follows its parent).
 *
 * It tells them apart by where it itself was loaded from. Paths are given as source paths relative to
 * the package root, e.g. 'targets/app/main.ts'.
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** true when this code runs from dist/ (plain JavaScript), false when it runs from the sources */
export const runsBuilt: boolean = import.meta.url.endsWith('.js');

/** the folder the code tree starts at: the package root, or its dist/ */
const codeRoot = fileURLToPath(new URL('../', import.meta.url));

/** the package root: package.json, bin/, docker/ */
export const packageRoot: string = runsBuilt ? join(codeRoot, '..') : codeRoot;

/** 'targets/app/main.ts' → the absolute path of the file that runs it here (the source, or dist's .js) */
export function codePath(sourcePath: string): string {
  return join(codeRoot, runsBuilt ? sourcePath.replace(/\.ts$/, '.js') : sourcePath);
}

/** codePath as a file: URL, for import() and flow references */
export function codeUrl(sourcePath: string): string {
  return pathToFileURL(codePath(sourcePath)).href;
}

/** node's arguments to run a process entry: `<dist>.js` when built, `--import tsx <source>.ts` otherwise */
export function nodeArgs(sourcePath: string): string[] {
  const path = codePath(sourcePath);
  return runsBuilt ? [path] : ['--import', 'tsx', path];
}

export interface ThreadEntry {
  /** the Worker's first argument: a file URL, or code when `eval` is true */
  filename: URL | string;
  eval: boolean;
}

/**
 * How to start a worker thread on `sourcePath`: built, the thread runs the .js file; from the sources it
 * registers tsx first (threads do not inherit the parent's loader).
 */
export function threadEntry(sourcePath: string): ThreadEntry {
  const url = codeUrl(sourcePath);
  if (runsBuilt) return { filename: new URL(url), eval: false };
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); });`;
  return { filename: code, eval: true };
}

/** Whether `moduleUrl` is TypeScript: built, scalebench imports such a module (a user's flow) through tsx. */
export function isTypeScriptModule(moduleUrl: string): boolean {
  return /\.[cm]?ts$/.test(moduleUrl);
}
