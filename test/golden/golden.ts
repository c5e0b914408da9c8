/**
 * Golden files (vegeta lib/plot/plot_test.go style): compare output with a committed file; run the test
 * with UPDATE_GOLDEN=1 to rewrite the file instead.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

export const updatingGolden = process.env['UPDATE_GOLDEN'] === '1';

/** `path` is absolute or relative to the repository root. */
export function expectMatchesGolden(path: string, actual: string): void {
  const file = new URL(`../../${path}`, import.meta.url);
  if (updatingGolden) {
    mkdirSync(dirname(file.pathname), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`golden file ${path} is missing; run the test with UPDATE_GOLDEN=1`);
  expect(actual, `${path} is out of date; rerun with UPDATE_GOLDEN=1 if the change is intended`).toBe(
    readFileSync(file, 'utf8'),
  );
}
