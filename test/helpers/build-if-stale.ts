/**
 * vitest globalSetup: tests that spawn the real `bin/scalebench.js` run dist/, as users do, so dist/
 * must match the sources under test. Rebuilds it (as `npm run build` does: tsc, then the dashboard's
 * client) only when a source is newer.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildState, markBuilt } from '../../bin/build-freshness.js';

export default function buildIfStale(): void {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const state = buildState(root);
  if (state === 'fresh') return;
  process.stderr.write(`dist/ ${state}: building it first (npm run build)\n`);
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, ['dist/reports/dashboard/build-client.js'], { cwd: root, stdio: 'inherit' });
  markBuilt(root);
}
