/** Helpers for the database tests: a scratch database per file, a small seed, the app in-process. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { readAppConfig } from '../../../targets/app/config.ts';
import { prepareOrdersDatabase } from '../../../targets/app/orders/seed.ts';
import type { SeedSpec } from '../../../targets/app/orders/seed-data.ts';
import { type RunningApp, startApp } from '../../../targets/app/server.ts';
import { createDatabase, dropDatabase } from '../../../targets/services/postgres.ts';

export const serverUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const smallSeed: SeedSpec = { customers: 40, skus: 25, orders: 120, maxLines: 4, seed: 11 };

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const name = `sb_database_${randomBytes(4).toString('hex')}`;
  const url = await createDatabase(serverUrl, name);
  return { name, url, drop: () => dropDatabase(serverUrl, name) };
}

export function startOrdersApp(env: Record<string, string>): Promise<RunningApp> {
  return startApp(readAppConfig({ PORT: '0', FEATURES: 'orders', INSTANCE_ID: 'orders-test', ...env }));
}

export async function postJson(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

export async function getJson(url: string): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json(), headers: response.headers };
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A scratch database seeded with `smallSeed` and the app in front of it with `env` (and its DATABASE_URL):
 * made before the file's tests, closed and dropped after them.
 */
export function useSeededOrdersApp(env: Record<string, string>): { db: ScratchDatabase; app: RunningApp } {
  const fixture = {} as { db: ScratchDatabase; app: RunningApp };
  beforeAll(async () => {
    fixture.db = await createScratchDatabase();
    await prepareOrdersDatabase(fixture.db.url, smallSeed);
    fixture.app = await startOrdersApp({ ...env, DATABASE_URL: fixture.db.url });
  });
  afterAll(async () => {
    await fixture.app?.close();
    await fixture.db?.drop();
  });
  return fixture;
}
