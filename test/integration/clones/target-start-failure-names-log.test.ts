import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isScalebenchError } from '../../../core/errors.ts';
import { spawnApp } from '../../../targets/process/app-process.ts';

describe('a target that fails to start', () => {
  const logDir = mkdtempSync(join(tmpdir(), 'sb-clones-test-'));

  afterEach(() => {
    rmSync(logDir, { recursive: true, force: true });
  });

  it('throws SB_ERR_TARGET_START naming its log file and the reason from it', async () => {
    const error = await spawnApp({ id: 'clone-broken', logDir, env: { FEATURES: 'no-such-feature' } }).catch(
      (e: unknown) => e,
    );
    expect(isScalebenchError(error) && error.code).toBe('SB_ERR_TARGET_START');
    const logFile = join(logDir, 'clone-broken.log');
    expect((error as Error).message).toContain(logFile);
    expect((error as Error).message).toContain("unknown feature 'no-such-feature'");
    expect(existsSync(logFile)).toBe(true);
  });
});
