/**
 * The real `node bin/scalebench.js` as a user runs it, for the start-up benchmarks: what it runs
 * (dist/ when built, which they require) and a timed run from spawn to exit.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildState } from '../../../bin/build-freshness.js';
import { REPO_ROOT } from './child.ts';

export const SCALEBENCH_BIN = fileURLToPath(new URL('../../../bin/scalebench.js', import.meta.url));

/** Start-up figures only mean something for the built code users run: refuse a stale dist/. */
export function assertBuilt(): void {
  const state = buildState(REPO_ROOT);
  if (state !== 'fresh') throw new Error(`dist/ is not current (${state}): run npm run build first`);
}

/** Spawns `node <args>`, calls onSpawn right after, resolves with the wall ms to its exit (0 or 1). */
export function timeNode(args: readonly string[], onSpawn: (at: number) => void = () => {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: 'ignore' });
    onSpawn(started);
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0 || code === 1) resolve(performance.now() - started);
      else reject(new Error(`node ${args.join(' ')} exited ${code}`));
    });
  });
}

/** timeNode of `node bin/scalebench.js <args>` */
export function timeCli(args: readonly string[], onSpawn?: (at: number) => void): Promise<number> {
  return timeNode([SCALEBENCH_BIN, ...args], onSpawn);
}
