import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spawnCli } from '../../helpers/cli.ts';
import { isAlive, pidsMatching } from '../../helpers/process-tree.ts';

describe('SIGINT to `scalebench services start redis --start`', () => {
  it('stops the redis-server it started and exits', async () => {
    const cli = spawnCli(['services', 'start', 'redis', '--start', '--json']);
    try {
      const stdout = await cli.waitForStdout(/\]\n/);
      const [redis] = JSON.parse(stdout) as { name: string; source: string; pid: number; dataDir: string }[];
      expect(redis).toMatchObject({ name: 'redis', source: 'started' });
      expect(isAlive(redis!.pid)).toBe(true);
      const port = /:(\d+)$/.exec((redis as unknown as { url: string }).url)?.[1];
      expect(pidsMatching(`redis-server 127.0.0.1:${port}`)).toEqual([redis!.pid]);

      cli.child.kill('SIGINT');
      const result = await cli.result;
      expect(result.code).toBe(0);
      expect(cli.child.exitCode).toBe(0);
      expect(isAlive(redis!.pid)).toBe(false);
      expect(pidsMatching(`redis-server 127.0.0.1:${port}`)).toEqual([]);
      expect(existsSync(redis!.dataDir)).toBe(false);
    } finally {
      if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
    }
  });
});
