/** Helpers for the shop tests: start the app in-process on port 0, log in, and clean up Redis keys. */
import { randomBytes } from 'node:crypto';
import { readAppConfig } from '../../../targets/app/config.ts';
import { removeKeysWithPrefix } from '../../../targets/app/redis-keys.ts';
import { type RunningApp, startApp } from '../../../targets/app/server.ts';

export const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
export const postgresUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function uniquePrefix(): string {
  return `sb-test-shop-${randomBytes(4).toString('hex')}:`;
}

export function startShopApp(env: Record<string, string>): Promise<RunningApp> {
  return startApp(
    readAppConfig({ PORT: '0', FEATURES: 'shop', REDIS_URL: redisUrl, INSTANCE_ID: 'shop-test', ...env }),
  );
}

export async function post(url: string, body: unknown, cookie?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** logs in and returns the `sid=...` pair to send back as a Cookie header */
export async function login(baseUrl: string, user = 'alice'): Promise<string> {
  const response = await post(`${baseUrl}/login`, { user });
  if (response.status !== 200) throw new Error(`login answered ${response.status}`);
  const cookie = response.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0]!;
}

export function deleteRedisKeys(prefix: string): Promise<void> {
  return removeKeysWithPrefix(redisUrl, prefix);
}
