/** The app's one Redis connection (sessions and caches share it); errors surface per command, not as crashes. */
import { Redis } from 'ioredis';

export function connectRedis(url: string, instance: string): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: 2,
    connectTimeout: 2_000,
    enableAutoPipelining: true,
  });
  let reported = false;
  redis.on('error', (error: Error) => {
    if (reported) return;
    reported = true;
    process.stderr.write(`[${instance}] redis ${url}: ${error.message}\n`);
  });
  redis.on('ready', () => {
    reported = false;
  });
  return redis;
}
