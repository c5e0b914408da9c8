import { describe, expect, it } from 'vitest';
import { runCliInProcess, spawnCli } from '../../helpers/cli.ts';

describe('scalebench doctor with REDIS_URL pointing at a dead port', () => {
  it('prints one line about Redis with its remedy and exits 2', async () => {
    const result = await runCliInProcess(['doctor'], { extraEnv: { REDIS_URL: 'redis://127.0.0.1:1' } });
    expect(result.code).toBe(2);
    const redisLines = result.stdout.split('\n').filter((line) => /redis/i.test(line));
    expect(redisLines).toEqual([
      'redis     missing   Redis at REDIS_URL=redis://127.0.0.1:1 does not answer (connect ECONNREFUSED 127.0.0.1:1) — remedy: start Redis there, fix REDIS_URL, or unset it to use or start a local Redis',
    ]);
    expect(result.stdout).toMatch(/^not ready: 1 problem above/m);
  });

  it('does the same from the real binary, with no stack trace', async () => {
    const result = await spawnCli(['doctor'], { env: { REDIS_URL: 'redis://127.0.0.1:1' } }).result;
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Redis at REDIS_URL=redis://127.0.0.1:1 does not answer');
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at /);
  });
});
