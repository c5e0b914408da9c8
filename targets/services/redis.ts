/** Redis: ping an address, or start a private `redis-server` from PATH on a free port (no persistence). */
import { Redis } from 'ioredis';
import { findOnPath } from '../lifecycle/find-executable.ts';
import { freePort } from '../lifecycle/free-port.ts';
import { startManagedProcess } from '../lifecycle/managed-process.ts';
import { makeTempDir } from '../lifecycle/temp-dir.ts';
import type { PingResult, ServiceBackend, ServiceEnv, StartedServer } from './service.ts';

const remedy = 'apt-get install redis-server, or set REDIS_URL=redis://host:port';

export async function pingRedis(url: string, timeoutMs: number): Promise<PingResult> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  let lastError: unknown;
  client.on('error', (error: unknown) => {
    lastError = error;
  });
  try {
    // ioredis rejects with 'Connection is closed.'; the error event says why (ECONNREFUSED, ...)
    await client.connect().catch((error: unknown) => {
      throw lastError ?? error;
    });
    const started = performance.now();
    await client.ping();
    const pingMs = performance.now() - started;
    const info = await client.info('server');
    const version = /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
    return { version, pingMs };
  } finally {
    client.disconnect();
  }
}

export async function startRedis(env: ServiceEnv = process.env): Promise<StartedServer> {
  const command = await findOnPath('redis-server', env['PATH']);
  const port = await freePort();
  const dataDir = makeTempDir('redis');
  const url = `redis://127.0.0.1:${port}`;
  try {
    const server = await startManagedProcess({
      name: 'redis-server',
      command: command ?? 'redis-server',
      args: [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--daemonize',
        'no',
        '--dir',
        dataDir.path,
      ],
      ready: () => pingRedis(url, 500).then(() => true),
      hint: remedy,
    });
    const stop = async () => {
      await server.stop();
      await dataDir.remove();
    };
    return { url, pid: server.pid, dataDir: dataDir.path, stop };
  } catch (error: unknown) {
    await dataDir.remove();
    throw error;
  }
}

export const redisBackend: ServiceBackend = {
  name: 'redis',
  title: 'Redis',
  envVar: 'REDIS_URL',
  defaultUrl: 'redis://127.0.0.1:6379',
  startable: true,
  ping: pingRedis,
  cannotStart: async (env) =>
    (await findOnPath('redis-server', env['PATH'])) ? undefined : 'redis-server is not on PATH',
  startHow: async (env) => `redis-server from PATH (${await findOnPath('redis-server', env['PATH'])})`,
  start: startRedis,
  remedy,
};
