/**
 * Temporary folders that scalebench owns: created fresh, removed by the cleanup stack, and removed
 * synchronously on process exit if the cleanup never ran, and by the reaper of child-guard.ts if
 * scalebench is killed outright.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from '../../core/cleanup.ts';
import { guardFolder } from './child-guard.ts';

const live = new Set<string>();
let exitHookInstalled = false;

export interface TempDir {
  path: string;
  /** removes the folder now (idempotent) */
  remove(): Promise<void>;
}

export function makeTempDir(prefix: string): TempDir {
  const path = mkdtempSync(join(tmpdir(), `scalebench-${prefix}-`));
  live.add(path);
  installExitHook();
  // removed by the reaper if scalebench is killed (kill -9) before any of this runs
  const forget = guardFolder(path);
  const remove = onCleanup(`remove ${path}`, async () => {
    await rm(path, { recursive: true, force: true });
    live.delete(path);
    forget();
  });
  return { path, remove };
}

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const path of live) rmSync(path, { recursive: true, force: true });
  });
}
