import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ScalebenchError } from '../../../../core/errors.ts';
import { findPgBinaries } from '../../../../targets/database/pg-binaries.ts';

describe('finding the PostgreSQL server binaries', () => {
  let empty: string | undefined;

  afterEach(() => {
    if (empty) rmSync(empty, { recursive: true, force: true });
  });

  it('names the folder it looked in and the remedy when pg_basebackup is missing', async () => {
    empty = mkdtempSync(join(tmpdir(), 'sb-database-nobin-'));
    const error = await findPgBinaries({ SCALEBENCH_PG_BINDIR: empty }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScalebenchError);
    expect((error as ScalebenchError).code).toBe('SB_ERR_SERVICE_UNAVAILABLE');
    expect((error as ScalebenchError).message).toContain(`SCALEBENCH_PG_BINDIR=${empty}`);
    expect((error as ScalebenchError).hint).toMatch(/apt-get install postgresql/);
  });
});
