import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createDatabase, dropDatabase } from '../../../targets/services/postgres.ts';

const baseUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  await client.end();
  return rowCount === 1;
}

describe('scratch Postgres databases', () => {
  it('creates a database, returns its URL, and drops it even with a connection still open', async () => {
    const name = `sb_foundation_${randomBytes(4).toString('hex')}`;
    const url = await createDatabase(baseUrl, name);
    try {
      expect(url).toBe(`postgres://postgres@127.0.0.1:5432/${name}`);
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => {});
      await client.connect();
      const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
      expect(rows[0]?.db).toBe(name);
      await dropDatabase(baseUrl, name); // forces the open connection closed
      expect(await databaseExists(name)).toBe(false);
      await client.end().catch(() => {});
    } finally {
      await dropDatabase(baseUrl, name);
    }
  });
});
