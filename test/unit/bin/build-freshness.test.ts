/**
 * bin/build-freshness.js decides whether bin/scalebench.js may run dist/: a source modified after the
 * build's stamp makes it stale (the sources then run through tsx), no stamp means no build, and a
 * package without sources (installed from npm) is always fresh.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildState } from '../../../bin/build-freshness.js';

let root: string;

function file(path: string, secondsSinceEpoch: number): void {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, '');
  utimesSync(full, secondsSinceEpoch, secondsSinceEpoch);
}

beforeEach(() => {
  root = `${mkdtempSync(join(tmpdir(), 'sb-freshness-'))}/`;
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('buildState', () => {
  it('is missing without the stamp the build writes last', () => {
    file('cli/main.ts', 1000);
    file('dist/cli/main.js', 2000);
    expect(buildState(root)).toBe('missing');
  });

  it('is fresh when every source is older than the stamp', () => {
    file('cli/main.ts', 1000);
    file('load/engine/run-load.ts', 1500);
    file('dist/.built', 2000);
    expect(buildState(root)).toBe('fresh');
  });

  it('names the first source modified after the stamp', () => {
    file('cli/main.ts', 1000);
    file('load/engine/run-load.ts', 3000);
    file('dist/.built', 2000);
    expect(buildState(root)).toBe('stale: load/engine/run-load.ts');
  });

  it('is fresh in an installed package, which has dist/ and no sources', () => {
    file('dist/cli/main.js', 1000);
    file('dist/.built', 1000);
    expect(buildState(root)).toBe('fresh');
  });
});
