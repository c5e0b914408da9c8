import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCliInProcess, spawnCli } from '../../helpers/cli.ts';

const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('scalebench --version', () => {
  it('prints the package version in-process and exits 0', async () => {
    const result = await runCliInProcess(['--version']);
    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('prints the package version from the real binary', async () => {
    const result = await spawnCli(['--version']).result;
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });
});
