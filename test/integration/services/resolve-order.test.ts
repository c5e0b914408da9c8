import { describe, expect, it } from 'vitest';
import { resolveService, resolveServices } from '../../../targets/services/resolve.ts';

describe('service resolution order', () => {
  it('finds the three system services at their default local addresses', async () => {
    const resolved = await resolveServices(['redis', 'postgres', 'rabbitmq'], { env: {} });
    expect(resolved.redis).toMatchObject({ source: 'local', url: 'redis://127.0.0.1:6379' });
    expect(resolved.postgres).toMatchObject({
      source: 'local',
      url: 'postgres://postgres@127.0.0.1:5432/postgres',
    });
    expect(resolved.rabbitmq).toMatchObject({ source: 'local', url: 'amqp://guest:guest@127.0.0.1:5672' });
    for (const service of Object.values(resolved)) {
      expect(service?.version).toMatch(/^\d+\.\d+/);
      expect(service?.pingMs).toBeGreaterThan(0);
    }
  });

  it('prefers the URL in the environment variable', async () => {
    const service = await resolveService('redis', { env: { REDIS_URL: 'redis://localhost:6379/3' } });
    expect(service).toMatchObject({ source: 'env', url: 'redis://localhost:6379/3' });
  });

  it('does not fall through when the env URL is dead: one line naming the URL and the remedy', async () => {
    const attempt = resolveService('postgres', {
      env: { DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/x' },
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'SB_ERR_SERVICE_UNAVAILABLE',
      exitCode: 2,
      message:
        'PostgreSQL at DATABASE_URL=postgres://postgres:***@127.0.0.1:1/x does not answer (connect ECONNREFUSED 127.0.0.1:1)',
      hint: expect.stringContaining('unset it'),
    });
  });

  it('resolves RabbitMQ as usual when forced to start, since it cannot be started', async () => {
    const service = await resolveService('rabbitmq', { env: {}, forceStart: true });
    expect(service.source).toBe('local');
  });
});
