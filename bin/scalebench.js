#!/usr/bin/env node
// Runs the built JavaScript in dist/ (nothing is compiled at start). In a checkout whose dist/ is
// missing or older than the sources, runs the TypeScript sources through tsx instead, with one notice
// line (`npm run build` makes the next start fast again). Child processes and worker threads follow
// the same choice (core/entry-points.ts).
import { fileURLToPath } from 'node:url';
import { buildState } from './build-freshness.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const state = buildState(root);
let main;
if (state === 'fresh') {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  const why =
    state === 'missing' ? 'no build in dist/' : `dist/ is older than the sources (${state.slice(7)})`;
  process.stderr.write(
    `notice: ${why}: running the TypeScript sources (slower start); npm run build to fix\n`,
  );
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(process.argv);
