/** Removes every Redis key under a run's prefix (SCAN + UNLINK), so a stopped target leaves nothing behind. */
import { Redis } from 'ioredis';
import { logConnectionErrorsOnce } from '../services/log-connection-errors.ts';

/** Deletes every key under `prefix` over a connection the caller owns. */
export async function deleteKeysWithPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** Opens a short-lived connection to `url`, deletes every key under `prefix` and disconnects. */
export async function removeKeysWithPrefix(url: string, prefix: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  client.on('error', logConnectionErrorsOnce('redis (key clean-up)'));
  try {
    await client.connect();
    await deleteKeysWithPrefix(client, prefix);
  } finally {
    client.disconnect();
  }
}
