/** BEGIN … COMMIT around a piece of work, ROLLBACK (and rethrow) when it throws: the app's one transaction helper. */
import type pg from 'pg';

/** Runs `fn` in a transaction on a client the caller holds. */
export async function inTransaction<T>(client: pg.ClientBase, fn: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await fn();
    await client.query('COMMIT');
    return result;
  } catch (error: unknown) {
    // the original error matters; a failed ROLLBACK (connection gone) would only hide it
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** Runs `fn` in a transaction on a client borrowed from `pool`, released afterwards. */
export async function inPoolTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    return await inTransaction(client, () => fn(client));
  } finally {
    client.release();
  }
}
