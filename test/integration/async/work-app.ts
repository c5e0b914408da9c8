/**
 * Test helper: the reference app with only the `work` feature, in this process, on port 0, with a
 * unique Redis prefix and queue name; `cleanup()` closes it and removes its Redis keys and queue.
 */
import { randomBytes } from 'node:crypto';
import { type AppConfig, readAppConfig } from '../../../targets/app/config.ts';
import { type RunningApp, startApp } from '../../../targets/app/server.ts';
import { openQueueBackend } from '../../../targets/app/work/open-queue.ts';
import { JobStore } from '../../../targets/app/work/store.ts';

export interface WorkApp {
  app: RunningApp;
  config: AppConfig;
  post(input: string): Promise<{ status: number; body: Record<string, unknown> }>;
  get(path: string): Promise<{ status: number; body: Record<string, unknown> }>;
  cleanup(): Promise<void>;
}

export function testConfig(env: Record<string, string>): AppConfig {
  const run = randomBytes(4).toString('hex');
  return readAppConfig({
    REDIS_URL: process.env.REDIS_URL,
    AMQP_URL: process.env.AMQP_URL,
    PORT: '0',
    FEATURES: 'work',
    WORK_COST_MS: '10',
    REDIS_PREFIX: `sb:test-async:${run}:`,
    QUEUE_NAME: `sb-test-async-${run}`,
    INSTANCE_ID: `web-${run}`,
    ...env,
  });
}

async function json(response: Response) {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export async function startWorkApp(config: AppConfig): Promise<WorkApp> {
  const app = await startApp(config);
  return {
    app,
    config,
    post: async (input) =>
      json(
        await fetch(`${app.url}/work`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ input }),
        }),
      ),
    get: async (path) => json(await fetch(`${app.url}${path}`)),
    cleanup: async () => {
      await app.close();
      await removeTestData(config);
    },
  };
}

/** deletes the test's Redis keys (job store + BullMQ) and its RabbitMQ queue */
export async function removeTestData(config: AppConfig): Promise<void> {
  const store = new JobStore(config.REDIS_URL, config.REDIS_PREFIX);
  await store.clear();
  await store.close();
  if (config.WORK === 'queued' && config.QUEUE === 'rabbitmq') {
    const backend = await openQueueBackend(config);
    await backend.destroy().catch(() => {});
    await backend.close();
  }
}
