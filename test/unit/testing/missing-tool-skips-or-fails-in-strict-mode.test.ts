/**
 * A test that needs a missing optional tool is skipped with one note naming the tool and its install
 * command; with SCALEBENCH_REQUIRE_TOOLS=1 (what .ci/run sets) it fails instead. An empty PATH hides wrk
 * (findOnPath also looks in /usr/sbin and /sbin, where wrk never is).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTool, STRICT_TOOLS_ENV } from '../../helpers/requires-tool.ts';

class Skipped extends Error {}

/** a stand-in for vitest's context that records the skip note */
function fakeContext() {
  const notes: string[] = [];
  return {
    notes,
    skip(note: string): never {
      notes.push(note);
      throw new Skipped(note);
    },
  };
}

describe('requireTool', () => {
  let emptyPath: string;
  beforeAll(async () => {
    emptyPath = await mkdtemp(join(tmpdir(), 'sb-no-tools-'));
  });
  afterAll(() => rm(emptyPath, { recursive: true, force: true }));

  it('skips with one note naming the tool and its install command', async () => {
    const ctx = fakeContext();
    await expect(requireTool(ctx, 'wrk', { env: {}, pathVariable: emptyPath })).rejects.toBeInstanceOf(
      Skipped,
    );
    expect(ctx.notes).toEqual(['wrk missing (apt-get install wrk)']);
  });

  it(`fails instead when ${STRICT_TOOLS_ENV}=1`, async () => {
    const ctx = fakeContext();
    const strict = { env: { [STRICT_TOOLS_ENV]: '1' }, pathVariable: emptyPath };
    await expect(requireTool(ctx, 'wrk', strict)).rejects.toThrow(
      `wrk missing (apt-get install wrk), and ${STRICT_TOOLS_ENV}=1 requires every optional tool`,
    );
    expect(ctx.notes).toEqual([]);
  });

  it('returns the path of a tool that is there, strict or not', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sb-fake-wrk-'));
    try {
      await writeFile(join(dir, 'wrk'), '#!/bin/sh\n', { mode: 0o755 });
      const ctx = fakeContext();
      const strict = { env: { [STRICT_TOOLS_ENV]: '1' }, pathVariable: dir };
      expect(await requireTool(ctx, 'wrk', strict)).toBe(join(dir, 'wrk'));
      expect(ctx.notes).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
