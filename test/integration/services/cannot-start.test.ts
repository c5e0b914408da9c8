import { describe, expect, it } from 'vitest';
import { formatError, type ScalebenchError } from '../../../core/errors.ts';
import { probeService, resolveService } from '../../../targets/services/resolve.ts';

const noRedisServer = { PATH: '/nonexistent', SCALEBENCH_START_SERVICES: '1' };

describe('a service that can be neither found nor started', () => {
  it('fails with one line naming the remedy when redis-server is not on PATH', async () => {
    const error = await resolveService('redis', { env: noRedisServer }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'SB_ERR_SERVICE_UNAVAILABLE', exitCode: 2 });
    expect(formatError(error as ScalebenchError)).toBe(
      'error: Redis cannot be started: redis-server is not on PATH (SB_ERR_SERVICE_UNAVAILABLE)' +
        ' — hint: apt-get install redis-server, or set REDIS_URL=redis://host:port',
    );
  });

  it('makes doctor report where it was found, ignoring whether it could be started', async () => {
    const probe = await probeService('redis', { env: noRedisServer });
    expect(probe).toMatchObject({ state: 'found', source: 'local', url: 'redis://127.0.0.1:6379' });
  });
});
