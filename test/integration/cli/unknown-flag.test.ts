import { describe, expect, it } from 'vitest';
import { runCliInProcess, spawnCli } from '../../helpers/cli.ts';

describe('an unknown flag', () => {
  it('exits 2 with one error line and a pointer to --help, in-process', async () => {
    const result = await runCliInProcess(['doctor', '--bogus']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toBe("error: unknown option '--bogus'");
    expect(lines.slice(1)).toEqual(['(run with --help for usage)']);
  });

  it('exits 2 without a stack trace from the real binary', async () => {
    const result = await spawnCli(['--bogus']).result;
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("error: unknown option '--bogus'");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
