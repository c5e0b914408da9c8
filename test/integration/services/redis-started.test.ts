import { existsSync } from 'node:fs';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { runAllCleanups } from '../../../core/cleanup.ts';
import { resolveService } from '../../../targets/services/resolve.ts';
import { isAlive } from '../../helpers/process-tree.ts';

describe('private redis-server, forced by SCALEBENCH_START_SERVICES=1', () => {
  afterEach(async () => {
    await runAllCleanups();
  });

  it('starts on a free port without persistence and stops with its temp folder', async () => {
    const service = await resolveService('redis', { env: { SCALEBENCH_START_SERVICES: '1' } });
    expect(service.source).toBe('started');
    expect(service.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
    expect(service.url).not.toBe('redis://127.0.0.1:6379');
    expect(isAlive(service.pid!)).toBe(true);

    const client = new Redis(service.url);
    await client.set('sb_foundation:key', 'v');
    expect(await client.get('sb_foundation:key')).toBe('v');
    expect(await client.config('GET', 'save')).toEqual(['save', '']);
    expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'no']);
    client.disconnect();

    await service.stop();
    expect(isAlive(service.pid!)).toBe(false);
    expect(existsSync(service.dataDir!)).toBe(false);
  });
});
